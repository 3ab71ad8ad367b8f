// Clock renderer (RENDERERS.md): the page ticks the time each second (or minute); the server only sends settings.
const WEEK = {de: "KW", en: "Week"};

/** ISO 8601 week number of a calendar date given as year, month (1-12), day. */
export function isoWeek(year, month, day) {
    const date = new Date(Date.UTC(year, month - 1, day));
    const weekday = date.getUTCDay() || 7; // Monday 1 ... Sunday 7
    date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
    const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
    return Math.ceil(((date.getTime() - yearStart) / 86400000 + 1) / 7);
}

function partsIn(zone, now) {
    const parts = new Intl.DateTimeFormat("en-CA", {timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit"})
        .formatToParts(now);
    const get = (type) => Number(parts.find((p) => p.type === type).value);
    return {year: get("year"), month: get("month"), day: get("day")};
}

function paint(body, ctx) {
    const data = body.__clock.data;
    if (!data) {
        return;
    }
    const now = ctx.now();
    const time = new Intl.DateTimeFormat(ctx.locale, {timeZone: data.zone, hour: "2-digit", minute: "2-digit",
        second: data.seconds ? "2-digit" : undefined, hour12: data.hour12}).format(now);
    const nodes = body.__clock.nodes;
    nodes.time.textContent = time;
    if (data.showDate) {
        nodes.date.textContent = new Intl.DateTimeFormat(ctx.locale, {timeZone: data.zone, weekday: "long",
            day: "numeric", month: "long", year: "numeric"}).format(now);
    }
    if (data.showWeek) {
        const today = partsIn(data.zone, now);
        nodes.week.textContent = ctx.t(WEEK) + " " + isoWeek(today.year, today.month, today.day);
    }
    nodes.date.hidden = !data.showDate;
    nodes.week.hidden = !data.showWeek;
}

export default {
    mount(body, ctx) {
        const nodes = {
            time: ctx.el("div", {class: "time"}),
            date: ctx.el("div", {class: "date"}),
            week: ctx.el("div", {class: "week"}),
        };
        body.append(ctx.el("div", {class: "clock"}, nodes.time, nodes.date, nodes.week));
        body.__clock = {nodes, data: null, period: 0, generation: 0};
    },
    update(body, data, ctx) {
        const state = body.__clock;
        state.data = data;
        const period = data.seconds ? 1000 : 60000;
        if (period !== state.period) {
            state.period = period;
            const generation = ++state.generation;
            if (typeof state.stop === "function") {
                state.stop();
            }
            state.stop = ctx.every(period, () => {
                if (generation === state.generation) {
                    paint(body, ctx);
                }
            });
        }
        paint(body, ctx);
    },
    unmount(body) {
        if (body.__clock && typeof body.__clock.stop === "function") {
            body.__clock.stop();
        }
        delete body.__clock;
    },
};
