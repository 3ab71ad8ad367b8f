// What the page gives every renderer (RENDERERS.md, "ctx"): the tile, the display's locale and time zone, the
// mirror's time, Intl formatting, a safe element builder and aligned timers.

const ATTRIBUTES = new Set(['class', 'id', 'title', 'role', 'lang', 'dir', 'hidden', 'datetime', 'colspan', 'rowspan',
    'scope', 'tabindex']);
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** Milliseconds from the mirror's clock to the browser's; set from each snapshot. */
let clockOffset = 0;

export function setServerTime(serverMillis) {
    clockOffset = serverMillis - Date.now();
}

export function mirrorNow() {
    return new Date(Date.now() + clockOffset);
}

/** Creates an element; attributes only from a safe list (no event handlers, no style, no URLs); text as text. */
export function el(tag, props, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (ATTRIBUTES.has(name) || name.startsWith('data-') || name.startsWith('aria-')) {
            element.setAttribute(name, value === true ? '' : String(value));
        } else {
            console.warn('Campus Mirror: ctx.el ignores attribute', name);
        }
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        if (Array.isArray(child)) {
            append(element, child);
        } else if (child instanceof Node) {
            element.appendChild(child);
        } else {
            element.appendChild(document.createTextNode(String(child)));
        }
    }
}

/** The offset of `zone` from UTC at `millis`, in milliseconds. */
function zoneOffset(millis, zone) {
    const parts = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
        hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(new Date(millis));
    const part = (type) => Number(parts.find((p) => p.type === type).value);
    const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
    return wall - Math.floor(millis / 1000) * 1000;
}

/**
 * A value as a Date and the zone to print it in. Instants and offset times print in the display's zone; a date or
 * a date-time without offset (Java's LocalDate/LocalDateTime) is wall time and prints as it is.
 */
function moment(value, zone) {
    if (value instanceof Date) {
        return {date: value, zone};
    }
    if (typeof value === 'number') {
        return {date: new Date(value), zone};
    }
    const text = String(value);
    if (LOCAL_DATE.test(text)) {
        return {date: new Date(text + 'T00:00:00Z'), zone: 'UTC', local: true};
    }
    if (LOCAL_DATE_TIME.test(text)) {
        return {date: new Date(text + 'Z'), zone: 'UTC', local: true};
    }
    return {date: new Date(text), zone};
}

/** The instant of `value`, wall times read in `zone`. */
function instantOf(value, zone) {
    const m = moment(value, zone);
    if (!m.local) {
        return m.date.getTime();
    }
    const guess = m.date.getTime();
    return guess - zoneOffset(guess - zoneOffset(guess, zone), zone);
}

export function formatting(locale, zone) {
    const cache = new Map();
    const format = (options, m) => {
        const key = JSON.stringify(options) + m.zone;
        if (!cache.has(key)) {
            cache.set(key, new Intl.DateTimeFormat(locale, {...options, timeZone: m.zone}));
        }
        return cache.get(key).format(m.date);
    };
    const relative = new Intl.RelativeTimeFormat(locale, {numeric: 'auto'});
    return Object.freeze({
        time: (value) => format({hour: '2-digit', minute: '2-digit'}, moment(value, zone)),
        date: (value, style = 'medium') => format({dateStyle: style}, moment(value, zone)),
        dateTime: (value) => format({dateStyle: 'medium', timeStyle: 'short'}, moment(value, zone)),
        weekday: (value) => format({weekday: 'long'}, moment(value, zone)),
        number: (n, digits) => new Intl.NumberFormat(locale, digits === undefined ? {}
            : {minimumFractionDigits: digits, maximumFractionDigits: digits}).format(n),
        relative: (value) => {
            const seconds = Math.round((instantOf(value, zone) - mirrorNow().getTime()) / 1000);
            const size = Math.abs(seconds);
            if (size < 60) {
                return relative.format(seconds, 'second');
            }
            if (size < 3600) {
                return relative.format(Math.round(seconds / 60), 'minute');
            }
            if (size < 86400) {
                return relative.format(Math.round(seconds / 3600), 'hour');
            }
            return relative.format(Math.round(seconds / 86400), 'day');
        },
    });
}

/**
 * The ctx of one tile. `onError` is told when a timer callback of the renderer throws; `stop()` (not part of the
 * renderer's ctx) ends the tile's timers.
 */
export function makeContext(widget, settings, onError) {
    const timers = new Set();
    let stopped = false;
    const lang = settings.locale.split('-')[0] === 'de' ? 'de' : 'en';
    const ctx = Object.freeze({
        widget: Object.freeze({id: widget.id, kind: widget.kind, title: widget.title}),
        locale: settings.locale,
        lang,
        zone: settings.zone,
        now: mirrorNow,
        t: (texts) => texts[lang] ?? texts.en ?? Object.values(texts)[0],
        el,
        fmt: settings.fmt,
        every(ms, fn) {
            const period = Math.max(50, Number(ms) || 1000);
            const timer = {id: null};
            const tick = () => {
                if (stopped) {
                    return;
                }
                try {
                    fn();
                } catch (error) {
                    onError(error);
                    return;
                }
                timer.id = setTimeout(tick, period - (mirrorNow().getTime() % period));
                timers.add(timer);
            };
            timers.add(timer);
            tick();
            return () => {
                clearTimeout(timer.id);
                timers.delete(timer);
            };
        },
    });
    return {
        ctx,
        stop() {
            stopped = true;
            for (const timer of timers) {
                clearTimeout(timer.id);
            }
            timers.clear();
        },
    };
}
