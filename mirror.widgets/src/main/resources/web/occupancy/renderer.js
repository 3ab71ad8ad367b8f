// Occupancy renderer (RENDERERS.md): a bar per area, coloured by the configured thresholds.
const TEXT = {
    free: {de: "frei", en: "free"},
    of: {de: "von", en: "of"},
    occupied: {de: "belegt", en: "in use"},
};

function area(item, ctx) {
    const row = ctx.el("li", {class: "area", "data-level": String(item.level).toLowerCase()},
        ctx.el("span", {class: "name"}, item.name));
    if (item.percent === null || item.percent === undefined) {
        row.append(ctx.el("span", {class: "count"}, ctx.fmt.number(item.occupied, 0) + " " + ctx.t(TEXT.occupied)));
        return row;
    }
    const fill = ctx.el("span", {class: "fill"});
    fill.style.width = Math.max(0, Math.min(100, item.percent)) + "%";
    row.append(
        ctx.el("span", {class: "count"}, ctx.fmt.number(item.free, 0) + " " + ctx.t(TEXT.free) + " "
            + ctx.t(TEXT.of) + " " + ctx.fmt.number(item.capacity, 0)),
        ctx.el("span", {class: "bar", role: "meter", "aria-valuenow": String(item.percent), "aria-valuemin": "0",
            "aria-valuemax": "100"}, fill),
        ctx.el("span", {class: "percent"}, item.percent + " %"));
    return row;
}

export default {
    mount(body, ctx) {
    },
    update(body, data, ctx) {
        body.replaceChildren(ctx.el("div", {class: "occupancy"},
            ctx.el("ul", {class: "areas"}, ...data.areas.map((item) => area(item, ctx)))));
    },
};
