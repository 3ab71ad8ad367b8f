// Weather renderer (RENDERERS.md): now and the next days; icons are inline SVG built with DOM calls.
const TEXT = {
    feelsLike: {de: "gefühlt", en: "feels like"},
    wind: {de: "Wind", en: "wind"},
    humidity: {de: "Luftfeuchte", en: "humidity"},
    today: {de: "Heute", en: "Today"},
};

const SVG = "http://www.w3.org/2000/svg";

function node(tag, attributes) {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) {
        element.setAttribute(name, String(value));
    }
    return element;
}

function sun(cx, cy, r) {
    const group = node("g", {class: "sun"});
    group.append(node("circle", {cx, cy, r}));
    for (let i = 0; i < 8; i++) {
        const angle = i * Math.PI / 4;
        const x1 = cx + Math.cos(angle) * (r + 4), y1 = cy + Math.sin(angle) * (r + 4);
        const x2 = cx + Math.cos(angle) * (r + 9), y2 = cy + Math.sin(angle) * (r + 9);
        group.append(node("line", {x1: x1.toFixed(1), y1: y1.toFixed(1), x2: x2.toFixed(1), y2: y2.toFixed(1)}));
    }
    return group;
}

function moon(cx, cy, r) {
    return node("path", {class: "moon",
        d: `M${cx + r * 0.3} ${cy - r} A${r} ${r} 0 1 0 ${cx + r} ${cy + r * 0.35} A${r * 0.8} ${r * 0.8} 0 0 1 ${cx + r * 0.3} ${cy - r} Z`});
}

function cloud(dx, dy) {
    return node("path", {class: "cloud", transform: `translate(${dx} ${dy})`,
        d: "M16 44 H46 A10 10 0 0 0 46 24 A14 14 0 0 0 20 21 A11.5 11.5 0 0 0 16 44 Z"});
}

function lines(count, dash) {
    const group = node("g", {class: "fall"});
    for (let i = 0; i < count; i++) {
        const x = 20 + i * 10;
        group.append(node("line", {x1: x, y1: 50, x2: x - 4, y2: 60, "stroke-dasharray": dash || "none"}));
    }
    return group;
}

function flakes(count) {
    const group = node("g", {class: "fall"});
    for (let i = 0; i < count; i++) {
        const x = 20 + i * 11, y = 55;
        for (let k = 0; k < 3; k++) {
            const a = k * Math.PI / 3;
            group.append(node("line", {x1: (x - Math.cos(a) * 4).toFixed(1), y1: (y - Math.sin(a) * 4).toFixed(1),
                x2: (x + Math.cos(a) * 4).toFixed(1), y2: (y + Math.sin(a) * 4).toFixed(1)}));
        }
    }
    return group;
}

function dots(count, r) {
    const group = node("g", {class: "fall dots"});
    for (let i = 0; i < count; i++) {
        group.append(node("circle", {cx: 20 + i * 10, cy: 54 + (i % 2) * 4, r}));
    }
    return group;
}

function bolt() {
    return node("path", {class: "bolt", d: "M33 44 L26 54 H32 L28 63 L39 51 H33 L37 44 Z"});
}

function fogLines() {
    const group = node("g", {class: "fall"});
    for (let i = 0; i < 3; i++) {
        group.append(node("line", {x1: 12 + i * 3, y1: 50 + i * 5, x2: 52 - i * 3, y2: 50 + i * 5}));
    }
    return group;
}

/** An icon for a name from WmoCode (e.g. "partly-cloudy-night"). */
export function icon(name) {
    const svg = node("svg", {viewBox: "0 0 64 64", class: "icon", "aria-hidden": "true"});
    const night = name.endsWith("-night");
    const base = night ? name.slice(0, -6) : name;
    const light = (cx, cy, r) => night ? moon(cx, cy, r * 1.1) : sun(cx, cy, r);
    switch (base) {
        case "clear": svg.append(light(32, 32, 12)); break;
        case "mostly-clear": svg.append(light(28, 26, 11), cloud(14, 12)); break;
        case "partly-cloudy": svg.append(light(22, 20, 9), cloud(4, 4)); break;
        case "overcast": svg.append(cloud(8, -8), cloud(0, 2)); break;
        case "fog": svg.append(cloud(0, -6), fogLines()); break;
        case "drizzle": svg.append(cloud(0, -2), dots(4, 1.6)); break;
        case "rain": svg.append(cloud(0, -2), lines(4)); break;
        case "freezing-rain": svg.append(cloud(0, -2), lines(2), flakes(2)); break;
        case "snow": svg.append(cloud(0, -2), flakes(4)); break;
        case "rain-showers": svg.append(light(18, 16, 8), cloud(4, 0), lines(3)); break;
        case "snow-showers": svg.append(light(18, 16, 8), cloud(4, 0), flakes(3)); break;
        case "thunder": svg.append(cloud(0, -2), bolt()); break;
        case "hail": svg.append(cloud(0, -2), bolt(), dots(2, 2.6)); break;
        default: {
            const mark = node("text", {x: 32, y: 42, "text-anchor": "middle", class: "unknown"});
            mark.textContent = "?";
            svg.append(mark);
        }
    }
    return svg;
}

function temperature(value, ctx, unit) {
    if (value === null || value === undefined) {
        return "–";
    }
    const whole = Math.round(value) || 0; // no "-0°"
    return ctx.fmt.number(whole, 0) + (unit ? " " + unit : "°");
}

function weekday(iso, index, ctx) {
    if (index === 0) {
        return ctx.t(TEXT.today);
    }
    return new Intl.DateTimeFormat(ctx.locale, {timeZone: "UTC", weekday: "short"})
        .format(new Date(iso + "T12:00:00Z"));
}

function current(data, ctx) {
    const now = data.current;
    const condition = now.condition || {icon: "unknown", de: "", en: ""};
    const details = [];
    if (now.feelsLike !== null && now.feelsLike !== undefined) {
        details.push(ctx.t(TEXT.feelsLike) + " " + temperature(now.feelsLike, ctx));
    }
    if (now.windKmh !== null && now.windKmh !== undefined) {
        details.push(ctx.t(TEXT.wind) + " " + ctx.fmt.number(now.windKmh, 0) + " km/h");
    }
    if (now.humidity !== null && now.humidity !== undefined) {
        details.push(ctx.t(TEXT.humidity) + " " + now.humidity + " %");
    }
    return ctx.el("div", {class: "now", "data-icon": condition.icon},
        icon(condition.icon),
        ctx.el("div", {class: "reading"},
            ctx.el("span", {class: "temperature"}, temperature(now.temperature, ctx, data.temperatureUnit)),
            ctx.el("span", {class: "condition"}, ctx.t(condition)),
            ctx.el("span", {class: "details"}, details.join(" · "))));
}

function day(item, index, ctx) {
    const condition = item.condition || {icon: "unknown", de: "", en: ""};
    const rain = item.precipitationProbability;
    return ctx.el("li", {class: "day", "data-icon": condition.icon},
        ctx.el("span", {class: "weekday"}, weekday(item.date, index, ctx)),
        icon(condition.icon),
        ctx.el("span", {class: "max"}, temperature(item.max, ctx)),
        ctx.el("span", {class: "min"}, temperature(item.min, ctx)),
        ctx.el("span", {class: "rain"}, rain === null || rain === undefined ? "" : rain + " %"));
}

export default {
    mount(body, ctx) {
    },
    update(body, data, ctx) {
        const parts = [];
        if (data.location) {
            parts.push(ctx.el("p", {class: "location"}, data.location));
        }
        parts.push(current(data, ctx));
        parts.push(ctx.el("ul", {class: "forecast"}, ...data.days.map((item, index) => day(item, index, ctx))));
        body.replaceChildren(ctx.el("div", {class: "weather"}, ...parts));
    },
};
