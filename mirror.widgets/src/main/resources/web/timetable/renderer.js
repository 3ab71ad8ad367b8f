// Timetable renderer (RENDERERS.md): days with their events; what runs now is re-checked every minute on the page.
const TEXT = {
    today: {de: "Heute", en: "Today"},
    tomorrow: {de: "Morgen", en: "Tomorrow"},
    allDay: {de: "ganztägig", en: "all day"},
    nothing: {de: "Keine Termine", en: "Nothing scheduled"},
    more: {de: "Weitere Termine ausgeblendet", en: "More events not shown"},
    until: {de: "bis", en: "until"},
};

function dayLabel(day, ctx) {
    if (day.today) {
        return ctx.t(TEXT.today);
    }
    const tomorrow = new Date(ctx.now().getTime() + 86400000);
    const label = ctx.fmt.date(day.date, "medium");
    if (ctx.fmt.date(tomorrow.toISOString(), "medium") === label) {
        return ctx.t(TEXT.tomorrow);
    }
    return ctx.fmt.weekday(day.date) + ", " + label;
}

function timeText(entry, ctx) {
    if (entry.allDay) {
        return ctx.t(TEXT.allDay);
    }
    const from = entry.startTime ? entry.startTime.slice(0, 5) : "…";
    const to = entry.endTime ? entry.endTime.slice(0, 5) : "…";
    return from === to ? from : from + "–" + to;
}

function isRunning(entry, now) {
    if (entry.allDay || !entry.start || !entry.end) {
        return entry.running;
    }
    return now >= Date.parse(entry.start) && now < Date.parse(entry.end);
}

function paint(body, data, ctx) {
    const list = ctx.el("div", {class: "timetable"});
    const now = ctx.now().getTime();
    for (const day of data.days || []) {
        const empty = !day.entries.length;
        // An empty day is one line (name and "nothing"), so a weekend does not take the tile's height.
        const section = ctx.el("section", {class: "day" + (day.today ? " today" : "") + (empty ? " empty-day" : "")},
            ctx.el("h3", {class: "day-name"}, dayLabel(day, ctx)));
        if (empty) {
            section.append(ctx.el("p", {class: "empty"}, ctx.t(TEXT.nothing)));
        }
        for (const entry of day.entries) {
            const running = isRunning(entry, now);
            const row = ctx.el("div", {class: "entry" + (running ? " running" : "") + (entry.allDay ? " all-day" : "")},
                ctx.el("span", {class: "time"}, timeText(entry, ctx)),
                ctx.el("span", {class: "title"}, entry.title));
            const details = [entry.location, ...(entry.categories || [])].filter((s) => s);
            if (details.length) {
                row.append(ctx.el("span", {class: "details"}, details.join(" · ")));
            }
            section.append(row);
        }
        list.append(section);
    }
    if (data.truncated) {
        list.append(ctx.el("p", {class: "more"}, ctx.t(TEXT.more)));
    }
    body.replaceChildren(list);
}

export default {
    mount(body, ctx) {
        body.__timetable = {data: null};
        // Re-mark what runs now each minute between refreshes from the server.
        ctx.every(60000, () => {
            if (body.__timetable.data) {
                paint(body, body.__timetable.data, ctx);
            }
        });
    },
    update(body, data, ctx) {
        body.__timetable.data = data;
        paint(body, data, ctx);
    },
    unmount(body) {
        delete body.__timetable;
    },
};
