// Departures renderer (RENDERERS.md): the next departures with delay, cancellation, platform change and warnings;
// the minutes until each are counted down by the page between refreshes.
const TEXT = {
    none: {de: "Keine erreichbaren Abfahrten", en: "No departures you can reach"},
    cancelled: {de: "fällt aus", en: "cancelled"},
    now: {de: "jetzt", en: "now"},
    min: {de: "min", en: "min"},
    platform: {de: "Gl.", en: "Pl."},
    insteadOf: {de: "statt", en: "not"},
    walk: {de: "Fußweg", en: "walk"},
};

function countdown(iso, ctx) {
    const minutes = Math.floor((new Date(iso).getTime() - ctx.now().getTime()) / 60000);
    return minutes <= 0 ? ctx.t(TEXT.now) : minutes + " " + ctx.t(TEXT.min);
}

function delay(item) {
    if (item.delayMinutes === null || item.delayMinutes === undefined || item.cancelled) {
        return null;
    }
    return item.delayMinutes > 0 ? "+" + item.delayMinutes : item.delayMinutes < 0 ? String(item.delayMinutes) : "";
}

function platform(item, ctx) {
    if (!item.platform && !item.plannedPlatform) {
        return ctx.el("span", {class: "platform"});
    }
    const changed = item.platform && item.plannedPlatform && item.platform !== item.plannedPlatform;
    const text = ctx.t(TEXT.platform) + " " + (item.platform || item.plannedPlatform)
        + (changed ? " (" + ctx.t(TEXT.insteadOf) + " " + item.plannedPlatform + ")" : "");
    return ctx.el("span", {class: "platform" + (changed ? " changed" : "")}, text);
}

function row(item, ctx) {
    const late = delay(item);
    const time = ctx.el("span", {class: "time"}, ctx.fmt.time(item.planned));
    if (late) {
        time.append(ctx.el("span", {class: "delay" + (item.delayMinutes >= 5 ? " bad" : "")}, " " + late));
    }
    const leaves = item.expected || item.planned;
    const items = [
        ctx.el("span", {class: "line", "data-product": String(item.product).toLowerCase()}, item.line),
        ctx.el("span", {class: "direction"}, item.direction),
        time,
        item.cancelled
            ? ctx.el("span", {class: "countdown cancelled"}, ctx.t(TEXT.cancelled))
            : ctx.el("span", {class: "countdown", "data-leaves": leaves}, countdown(leaves, ctx)),
        platform(item, ctx),
    ];
    const element = ctx.el("li", {class: "departure" + (item.cancelled ? " is-cancelled" : "")}, ...items);
    for (const warning of item.warnings || []) {
        element.append(ctx.el("span", {class: "warning"}, "⚠ " + warning));
    }
    return element;
}

function tick(body, ctx) {
    for (const element of body.querySelectorAll(".countdown[data-leaves]")) {
        element.textContent = countdown(element.getAttribute("data-leaves"), ctx);
    }
}

export default {
    mount(body, ctx) {
        body.__departures = {stop: ctx.every(30000, () => tick(body, ctx))};
    },
    update(body, data, ctx) {
        const head = ctx.el("p", {class: "stop"}, data.stop || "");
        if (data.walkingMinutes > 0) {
            head.append(ctx.el("span", {class: "walk"}, " · " + ctx.t(TEXT.walk) + " " + data.walkingMinutes + " "
                + ctx.t(TEXT.min)));
        }
        const list = data.departures.length
            ? ctx.el("ul", {class: "departures"}, ...data.departures.map((item) => row(item, ctx)))
            : ctx.el("p", {class: "empty"}, ctx.t(TEXT.none));
        // The board is a size container, so the CSS can drop columns in a narrow region.
        body.replaceChildren(ctx.el("div", {class: "board"}, head, list));
    },
    unmount(body) {
        if (body.__departures && typeof body.__departures.stop === "function") {
            body.__departures.stop();
        }
        delete body.__departures;
    },
};
