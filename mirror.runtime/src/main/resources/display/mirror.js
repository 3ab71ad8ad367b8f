// The display page: one WebSocket to /mirror, a snapshot and then changes, applied to the regions, the pages, the
// alerts and the sleep state. It reloads itself when the runtime's version changes and reconnects by itself when
// the socket drops. Data reaches the DOM as text only (textContent, createElement).

import {Field, PATH, SNAPSHOT_URL, Type, VERSION} from './protocol.js';
import {DisplayConnection, SnapshotPolling} from './connection.js';
import {formatting, setServerTime} from './context.js';
import {Tiles} from './tiles.js';

const root = document.documentElement;
const TEXTS = {
    connecting: {de: 'Verbinde mit dem Spiegel …', en: 'Connecting to the mirror …'},
    closed: {de: 'Keine Verbindung zum Spiegel – neuer Versuch in {seconds} s', en: 'No connection to the mirror – trying again in {seconds} s'},
    asOf: {de: 'Stand {age}', en: 'As of {age}'},
    stale: {de: 'Veraltet', en: 'Out of date'},
    error: {de: 'Fehler', en: 'Error'},
    rendererFailed: {de: 'Darstellung fehlgeschlagen: {message}', en: 'Display failed: {message}'},
};
/** How often the age of stale data is redrawn while some tile shows one. */
const AGE_TICK_MS = 30000;
/** Below this the connection state is not worth showing (a quick reconnect). */
const STATUS_DELAY_MS = 3000;

const state = {
    seq: -1,
    locale: navigator.language && navigator.language.startsWith('en') ? 'en-GB' : 'de-DE',
    zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    page: null,
    pages: [],
    fmt: null,
};
state.fmt = formatting(state.locale, state.zone);

function lang() {
    return state.locale.split('-')[0] === 'de' ? 'de' : 'en';
}

function text(key, values = {}) {
    const words = TEXTS[key][lang()] || TEXTS[key].en;
    return words.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
}

const regions = new Map([...document.querySelectorAll('[data-region]')].map((el) => [el.dataset.region, el]));
const tiles = new Tiles(regions, () => ({locale: state.locale, zone: state.zone, fmt: state.fmt, page: state.page}),
    text);

// ---------------------------------------------------------------- layout, pages, sleep, alerts

function applyLayout(message) {
    const localeChanged = message[Field.LOCALE] !== state.locale || message[Field.ZONE] !== state.zone;
    state.locale = message[Field.LOCALE];
    state.zone = message[Field.ZONE];
    state.pages = message[Field.PAGES] || [];
    state.fmt = formatting(state.locale, state.zone);
    root.lang = lang();
    showPage(message[Field.PAGE]);
    return localeChanged;
}

function showPage(page) {
    state.page = page;
    root.dataset.page = page;
    tiles.showPage(page);
    const dots = document.getElementById('pages');
    dots.replaceChildren(...(state.pages.length > 1 ? state.pages.map((each) => {
        const dot = document.createElement('span');
        dot.className = 'page-dot';
        dot.dataset.page = each[Field.PAGE_NAME];
        dot.classList.toggle('current', each[Field.PAGE_NAME] === page);
        return dot;
    }) : []));
}

function setAsleep(asleep) {
    document.body.classList.toggle('asleep', asleep);
    root.dataset.asleep = String(asleep);
}

function showAlerts(alerts) {
    const box = document.getElementById('alerts');
    box.replaceChildren(...alerts.map((alert) => {
        const words = (lang() === 'de' ? alert[Field.TEXT_DE] : alert[Field.TEXT_EN]) || alert[Field.TEXT];
        const item = document.createElement('p');
        item.className = 'alert';
        item.dataset.level = alert[Field.LEVEL];
        item.dataset.alertId = alert[Field.ID];
        item.textContent = words;
        return item;
    }));
    box.hidden = alerts.length === 0;
}

// ---------------------------------------------------------------- messages

function snapshot(message) {
    if (message[Field.RUNTIME] !== root.dataset.version) {
        // The runtime changed under us: load the page (and its scripts) that go with it.
        location.reload();
        return;
    }
    setServerTime(message[Field.SERVER_TIME]);
    state.seq = message[Field.SEQ];
    const localeChanged = applyLayout(message);
    setAsleep(message[Field.ASLEEP]);
    showAlerts(message[Field.ALERTS] || []);
    tiles.sync(message[Field.TILES] || []);
    if (localeChanged) {
        tiles.remountAll();
    }
    connection.healthy();
    ages();
}

function change(message) {
    switch (message[Field.TYPE]) {
        case Type.TILE:
            tiles.put(message[Field.TILE]);
            ages();
            break;
        case Type.TILE_REMOVED:
            tiles.remove(message[Field.ID]);
            break;
        case Type.PAGE:
            showPage(message[Field.PAGE]);
            break;
        case Type.SLEEP:
            setAsleep(message[Field.ASLEEP]);
            break;
        case Type.ALERTS:
            showAlerts(message[Field.ALERTS] || []);
            break;
        case Type.LAYOUT:
            if (applyLayout(message)) {
                tiles.remountAll();
            }
            break;
        default:
            console.warn('Campus Mirror: unknown message', message[Field.TYPE]);
    }
}

function receive(message) {
    if (message[Field.VERSION_FIELD] !== VERSION) {
        location.reload();
        return;
    }
    if (message[Field.TYPE] === Type.SNAPSHOT) {
        snapshot(message);
        return;
    }
    const seq = message[Field.SEQ];
    if (state.seq < 0 || seq <= state.seq) {
        return; // before the snapshot, or already in it
    }
    if (seq !== state.seq + 1) {
        // A change was missed (the server skipped us while we were slow): start over with a new snapshot.
        state.seq = -1;
        connection.restart();
        return;
    }
    state.seq = seq;
    change(message);
}

// ---------------------------------------------------------------- connection state and timers

let statusTimer = null;
let countdown = null;

function connectionState(name, retryMs) {
    root.dataset.connection = name;
    const status = document.getElementById('status');
    clearTimeout(statusTimer);
    clearTimeout(countdown);
    if (name === 'open') {
        status.hidden = true;
        return;
    }
    state.seq = -1;
    const until = Date.now() + (retryMs || 0);
    const draw = () => {
        status.textContent = name === 'closed'
            ? text('closed', {seconds: Math.max(0, Math.ceil((until - Date.now()) / 1000))}) : text('connecting');
        status.hidden = false;
        if (name === 'closed' && until > Date.now()) {
            countdown = setTimeout(draw, 1000);
        }
    };
    statusTimer = setTimeout(draw, STATUS_DELAY_MS);
}

let ageTimer = null;

function ages() {
    clearTimeout(ageTimer);
    if (tiles.refreshAges()) {
        ageTimer = setTimeout(ages, AGE_TICK_MS);
    }
}

const preview = new URLSearchParams(location.search).has('preview') ? '?preview' : '';
const connection = location.protocol === 'https:'
    ? new SnapshotPolling(SNAPSHOT_URL, receive, connectionState)
    : new DisplayConnection('ws://' + location.hostname + ':' + root.dataset.wsPort + PATH + preview,
        receive, connectionState);
connection.start();
