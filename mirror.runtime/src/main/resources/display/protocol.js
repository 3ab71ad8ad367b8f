// The display protocol's names: the one place the page spells them. They match
// org.campusmirror.mirror.runtime.internal.display.DisplayProtocol (a test compares the two files).

export const PATH = '/mirror';
export const SNAPSHOT_URL = '/display/snapshot.json';
export const VERSION = 1;
export const LISTEN_ONLY_CLOSE = 1008;

export const Type = Object.freeze({
    SNAPSHOT: 'snapshot',
    TILE: 'tile',
    TILE_REMOVED: 'tile-removed',
    PAGE: 'page',
    SLEEP: 'sleep',
    ALERTS: 'alerts',
    LAYOUT: 'layout',
});

export const Field = Object.freeze({
    VERSION_FIELD: 'v',
    TYPE: 'type',
    SEQ: 'seq',
    RUNTIME: 'runtime',
    SERVER_TIME: 'serverTime',
    LOCALE: 'locale',
    ZONE: 'zone',
    PAGES: 'pages',
    PAGE: 'page',
    ROTATE: 'rotate',
    ASLEEP: 'asleep',
    TILES: 'tiles',
    TILE: 'tile',
    ALERTS: 'alerts',
    PAGE_NAME: 'name',
    PAGE_SECONDS: 'seconds',
    ID: 'id',
    KIND: 'kind',
    TITLE: 'title',
    REGION: 'region',
    STATE: 'state',
    ERROR: 'error',
    AS_OF: 'asOf',
    DATA: 'data',
    RENDERER: 'renderer',
    TEXT: 'text',
    TEXT_DE: 'textDe',
    TEXT_EN: 'textEn',
    LEVEL: 'level',
    UNTIL: 'until',
});
