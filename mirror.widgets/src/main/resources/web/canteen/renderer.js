// Canteen renderer (RENDERERS.md): one day's meals, a badge per dietary note, the chosen group's price.
const TEXT = {
    today: {de: "Heute", en: "Today"},
    tomorrow: {de: "Morgen", en: "Tomorrow"},
    closed: {de: "Die Mensa ist geschlossen", en: "The canteen is closed"},
    closedOn: {de: "Geschlossen", en: "Closed"},
    noPlan: {de: "Noch kein Speiseplan", en: "No menu yet"},
    noMeals: {de: "Keine Gerichte", en: "No meals"},
    more: {de: "weitere", en: "more"},
    notOffered: {de: "–", en: "–"},
};

const NOTES = {
    VEGAN: {de: "vegan", en: "vegan", leaf: true},
    VEGETARIAN: {de: "vegetarisch", en: "vegetarian", leaf: true},
    PORK: {de: "Schwein", en: "pork"},
    BEEF: {de: "Rind", en: "beef"},
    POULTRY: {de: "Geflügel", en: "poultry"},
    FISH: {de: "Fisch", en: "fish"},
    LAMB: {de: "Lamm", en: "lamb"},
    GAME: {de: "Wild", en: "game"},
    ALCOHOL: {de: "Alkohol", en: "alcohol"},
    GLUTEN: {de: "Gluten", en: "gluten"},
    MILK: {de: "Milch", en: "milk"},
    EGG: {de: "Ei", en: "egg"},
    NUTS: {de: "Nüsse", en: "nuts"},
    SOY: {de: "Soja", en: "soy"},
    SPICY: {de: "scharf", en: "spicy"},
    ORGANIC: {de: "Bio", en: "organic"},
};

const SVG = "http://www.w3.org/2000/svg";

function leaf() {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("class", "leaf");
    svg.setAttribute("aria-hidden", "true");
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", "M2 14 C2 6 7 2 14 2 C14 9 10 14 2 14 Z M2 14 L9 7");
    svg.append(path);
    return svg;
}

function badge(name, ctx) {
    const note = NOTES[name];
    if (!note) {
        return null;
    }
    const element = ctx.el("span", {class: "note", "data-note": name.toLowerCase()});
    if (note.leaf) {
        element.append(leaf());
    }
    element.append(document.createTextNode(ctx.t(note)));
    return element;
}

/** "Heute", "Morgen" or the weekday and date, in the mirror's zone. */
function dayLabel(iso, ctx) {
    const today = new Intl.DateTimeFormat("en-CA", {timeZone: ctx.zone}).format(ctx.now());
    const tomorrowDate = new Date(today + "T12:00:00Z");
    tomorrowDate.setUTCDate(tomorrowDate.getUTCDate() + 1);
    const tomorrow = tomorrowDate.toISOString().slice(0, 10);
    const date = new Date(iso + "T12:00:00Z");
    const written = new Intl.DateTimeFormat(ctx.locale, {timeZone: "UTC", weekday: "long", day: "numeric",
        month: "long"}).format(date);
    if (iso === today) {
        return ctx.t(TEXT.today) + ", " + written;
    }
    return iso === tomorrow ? ctx.t(TEXT.tomorrow) + ", " + written : written;
}

function shortDate(iso, ctx) {
    return new Intl.DateTimeFormat(ctx.locale, {timeZone: "UTC", weekday: "short", day: "numeric",
        month: "numeric"}).format(new Date(iso + "T12:00:00Z"));
}

function price(value, ctx) {
    if (value === null || value === undefined) {
        return ctx.t(TEXT.notOffered);
    }
    return new Intl.NumberFormat(ctx.locale, {style: "currency", currency: "EUR"}).format(Number(value));
}

function meal(item, ctx) {
    const notes = ctx.el("span", {class: "notes"});
    for (const name of item.icons || []) {
        const element = badge(name, ctx);
        if (element) {
            notes.append(element);
        }
    }
    return ctx.el("li", {class: "meal"},
        ctx.el("span", {class: "category"}, item.category || ""),
        ctx.el("span", {class: "name"}, item.name),
        notes,
        ctx.el("span", {class: "price" + (item.price === null ? " none" : "")}, price(item.price, ctx)));
}

export default {
    mount(body, ctx) {
    },
    update(body, data, ctx) {
        const parts = [ctx.el("p", {class: "canteen"}, data.canteen || "")];
        if (data.status !== "CLOSED") {
            parts.push(ctx.el("p", {class: "day"}, dayLabel(data.date, ctx)));
        }
        if (data.closedDates && data.closedDates.length) {
            parts.push(ctx.el("p", {class: "closed-days"},
                ctx.t(TEXT.closedOn) + ": " + data.closedDates.map((d) => shortDate(d, ctx)).join(", ")));
        }
        if (data.status === "CLOSED") {
            parts.push(ctx.el("p", {class: "status closed"}, ctx.t(TEXT.closed)));
        } else if (data.status === "NO_PLAN") {
            parts.push(ctx.el("p", {class: "status"}, ctx.t(TEXT.noPlan)));
        } else if (!data.meals.length) {
            parts.push(ctx.el("p", {class: "status"}, ctx.t(TEXT.noMeals)));
        } else {
            parts.push(ctx.el("ul", {class: "meals"}, ...data.meals.map((item) => meal(item, ctx))));
            if (data.moreMeals > 0) {
                parts.push(ctx.el("p", {class: "more"}, "+" + data.moreMeals + " " + ctx.t(TEXT.more)));
            }
        }
        body.replaceChildren(...parts);
    },
};
