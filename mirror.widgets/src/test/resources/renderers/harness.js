// Mounts each widget renderer with a ctx as RENDERERS.md describes it, feeds it the view model the test put in
// /data.json, and writes what happened into #result: the text each tile shows, or the error it threw.
import timetable from "/widgets/timetable/renderer.js";
import news from "/widgets/news/renderer.js";
import clock from "/widgets/clock/renderer.js";
import announcements from "/widgets/announcements/renderer.js";

const renderers = {timetable, news, clock, announcements};
const data = await (await fetch("/data.json")).json();
const NOW = Date.parse(data.now);
const locale = "de-DE";
const zone = "Europe/Berlin";

function makeCtx(kind) {
    return {
        widget: {id: kind + "-1", kind, title: ""},
        locale, lang: "de", zone,
        now: () => new Date(NOW),
        t: (texts) => texts.de ?? texts.en ?? Object.values(texts)[0],
        el(tag, props, ...children) {
            const element = document.createElement(tag);
            for (const [key, value] of Object.entries(props || {})) {
                element.setAttribute(key, value);
            }
            for (const child of children) {
                element.append(typeof child === "string" ? document.createTextNode(child) : child);
            }
            return element;
        },
        fmt: {
            time: (iso) => new Intl.DateTimeFormat(locale, {timeZone: zone, hour: "2-digit", minute: "2-digit"}).format(new Date(iso)),
            date: (iso, style) => new Intl.DateTimeFormat(locale, {timeZone: zone, dateStyle: style || "medium"}).format(new Date(iso)),
            dateTime: (iso) => new Intl.DateTimeFormat(locale, {timeZone: zone, dateStyle: "medium", timeStyle: "short"}).format(new Date(iso)),
            weekday: (iso) => new Intl.DateTimeFormat(locale, {timeZone: zone, weekday: "long"}).format(new Date(iso)),
            number: (n, digits) => new Intl.NumberFormat(locale, {maximumFractionDigits: digits}).format(n),
            relative: (iso) => new Intl.RelativeTimeFormat(locale).format(Math.round((Date.parse(iso) - NOW) / 3600000), "hour"),
        },
        every(ms, fn) {
            fn();
            const id = setInterval(fn, ms);
            return () => clearInterval(id);
        },
    };
}

const results = {};
for (const [kind, renderer] of Object.entries(renderers)) {
    const tile = document.createElement("section");
    tile.setAttribute("data-widget-kind", kind);
    const body = document.createElement("div");
    tile.append(body);
    document.getElementById("tiles").append(tile);
    try {
        const ctx = makeCtx(kind);
        renderer.mount(body, ctx);
        renderer.update(body, data[kind], ctx);
        renderer.update(body, data[kind], ctx); // a second update repaints, it does not add
        results[kind] = {text: body.textContent, running: body.querySelectorAll(".running").length,
            elements: body.querySelectorAll("*").length};
    } catch (e) {
        results[kind] = {error: String(e && e.stack || e)};
    }
}
results.images = document.querySelectorAll("img, script:not([src]), iframe").length;
results.title = document.title;
document.getElementById("result").textContent = JSON.stringify(results);
