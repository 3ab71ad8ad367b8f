// The tiles on the page: one <section> per widget in its region, with the title, the state and the age of stale
// data drawn by the page, and the body drawn by the widget kind's renderer, loaded on the fly. A renderer that
// throws breaks only its own tile; a kind without a renderer gets the default rendering.

import defaultRenderer from './default-renderer.js';
import {makeContext} from './context.js';

const KIND = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** Pauses before trying a renderer module again (the renderer may be registered just after its widget). */
const RETRY_MS = [2000, 10000];

function validRenderer(module) {
    const renderer = module && module.default;
    return renderer && typeof renderer.mount === 'function' && typeof renderer.update === 'function' ? renderer : null;
}

/** Loads each kind's renderer once per renderer version; tells `onUpgrade` when a retry found one later. */
class RendererLoader {
    constructor(onUpgrade) {
        this.onUpgrade = onUpgrade;
        this.modules = new Map();
        this.styles = new Map();
    }

    get(kind, tag) {
        const key = kind + '@' + tag;
        if (!this.modules.has(key)) {
            this.modules.set(key, this.load(kind, tag, key));
        }
        return this.modules.get(key);
    }

    url(kind, tag, file, attempt) {
        return '/widgets/' + kind + '/' + file + '?r=' + encodeURIComponent(tag) + (attempt ? '&attempt=' + attempt : '');
    }

    async load(kind, tag, key) {
        if (!KIND.test(kind)) {
            return defaultRenderer;
        }
        this.style(kind, tag);
        try {
            const renderer = validRenderer(await import(this.url(kind, tag, 'renderer.js', 0)));
            if (!renderer) {
                console.warn('Campus Mirror: /widgets/' + kind + '/renderer.js has no default {mount, update}');
            }
            return renderer || defaultRenderer;
        } catch (error) {
            this.retry(kind, tag, key, 1);
            return defaultRenderer;
        }
    }

    retry(kind, tag, key, attempt) {
        if (attempt > RETRY_MS.length) {
            return;
        }
        setTimeout(async () => {
            try {
                const renderer = validRenderer(await import(this.url(kind, tag, 'renderer.js', attempt)));
                if (renderer) {
                    this.modules.set(key, Promise.resolve(renderer));
                    this.onUpgrade(key, renderer);
                }
            } catch (error) {
                this.retry(kind, tag, key, attempt + 1);
            }
        }, RETRY_MS[attempt - 1]);
    }

    style(kind, tag) {
        let link = this.styles.get(kind);
        if (!link) {
            link = document.createElement('link');
            link.rel = 'stylesheet';
            link.dataset.kind = kind;
            document.head.appendChild(link);
            this.styles.set(kind, link);
        }
        const href = this.url(kind, tag, 'renderer.css', 0);
        if (link.getAttribute('href') !== href) {
            link.setAttribute('href', href);
        }
    }
}

export class Tiles {
    /**
     * @param regions  region id -> element
     * @param settings () => {locale, zone, fmt, lang, page}
     * @param texts    the page's own words: (key, values) => text
     */
    constructor(regions, settings, texts) {
        this.regions = regions;
        this.settings = settings;
        this.texts = texts;
        this.tiles = new Map();
        this.loader = new RendererLoader((key, renderer) => {
            for (const tile of this.tiles.values()) {
                if (tile.rendererKey === key && tile.renderer === defaultRenderer) {
                    this.use(tile, renderer);
                }
            }
        });
    }

    /** Makes the page show exactly `tiles` (a snapshot): new ones added, gone ones removed, the rest updated. */
    sync(tiles) {
        const ids = new Set(tiles.map((tile) => tile.id));
        for (const id of [...this.tiles.keys()]) {
            if (!ids.has(id)) {
                this.remove(id);
            }
        }
        tiles.forEach((tile) => this.put(tile));
    }

    put(data) {
        let tile = this.tiles.get(data.id);
        if (!tile) {
            tile = this.create(data);
        }
        const previous = tile.data;
        tile.data = data;
        this.place(tile);
        tile.title.textContent = data.title || '';
        tile.title.hidden = !data.title;
        if (!previous || previous.kind !== data.kind || previous.renderer !== data.renderer) {
            this.mount(tile);
        } else {
            this.render(tile);
        }
        this.decorate(tile);
        this.showPage(this.settings().page, [tile]);
    }

    remove(id) {
        const tile = this.tiles.get(id);
        if (tile) {
            this.tiles.delete(id);
            tile.removed = true;
            this.unmount(tile);
            tile.element.remove();
        }
    }

    /** Shows the tiles of `page` (and those on every page), hides the others. */
    showPage(page, tiles = this.tiles.values()) {
        for (const tile of tiles) {
            const pages = tile.data.pages || [];
            tile.element.hidden = pages.length > 0 && !pages.includes(page);
        }
    }

    /** The locale or zone changed: every renderer starts again with the new ctx. */
    remountAll() {
        for (const tile of this.tiles.values()) {
            this.use(tile, tile.renderer || defaultRenderer);
            this.decorate(tile);
        }
    }

    /** Redraws the age of stale data; returns whether any tile shows one. */
    refreshAges() {
        let stale = false;
        for (const tile of this.tiles.values()) {
            if (tile.data.state === 'stale') {
                stale = true;
                this.decorate(tile);
            }
        }
        return stale;
    }

    create(data) {
        const element = document.createElement('section');
        element.className = 'tile';
        const title = document.createElement('header');
        title.className = 'tile-title';
        const body = document.createElement('div');
        body.className = 'tile-body';
        const note = document.createElement('p');
        note.className = 'tile-note';
        element.append(title, body, note);
        const tile = {element, title, body, note, data: null, renderer: null, rendererKey: null, handle: null,
            rendererError: null, removed: false};
        this.tiles.set(data.id, tile);
        return tile;
    }

    place(tile) {
        const region = this.regions.get(tile.data.region) || this.regions.get('middle_center');
        tile.element.dataset.widgetKind = tile.data.kind;
        tile.element.dataset.widgetId = tile.data.id;
        if (tile.element.parentElement !== region) {
            region.appendChild(tile.element);
        }
    }

    async mount(tile) {
        const key = tile.data.kind + '@' + tile.data.renderer;
        tile.rendererKey = key;
        const renderer = await this.loader.get(tile.data.kind, tile.data.renderer);
        if (!tile.removed && tile.rendererKey === key) {
            this.use(tile, renderer);
            this.decorate(tile);
        }
    }

    use(tile, renderer) {
        this.unmount(tile);
        tile.renderer = renderer;
        tile.rendererError = null;
        tile.body.replaceChildren();
        tile.body.className = 'tile-body';
        tile.handle = makeContext(tile.data, this.settings(), (error) => this.failed(tile, error));
        try {
            renderer.mount(tile.body, tile.handle.ctx);
        } catch (error) {
            this.failed(tile, error);
            return;
        }
        this.render(tile);
    }

    render(tile) {
        if (!tile.renderer || !tile.handle) {
            return;
        }
        const state = tile.data.state;
        if ((state === 'ok' || state === 'stale') && tile.data.data !== null) {
            try {
                tile.renderer.update(tile.body, tile.data.data, tile.handle.ctx);
                tile.rendererError = null;
            } catch (error) {
                this.failed(tile, error);
            }
        }
        this.decorate(tile);
    }

    unmount(tile) {
        if (tile.handle) {
            tile.handle.stop();
            if (tile.renderer && typeof tile.renderer.unmount === 'function') {
                try {
                    tile.renderer.unmount(tile.body, tile.handle.ctx);
                } catch (error) {
                    console.error('Campus Mirror: renderer of', tile.data.kind, 'failed to unmount', error);
                }
            }
            tile.handle = null;
        }
    }

    failed(tile, error) {
        console.error('Campus Mirror: renderer of', tile.data.kind, 'failed', error);
        tile.rendererError = String(error && error.message ? error.message : error);
        if (tile.handle) {
            tile.handle.stop();
        }
        this.decorate(tile);
    }

    /** The page's part of a tile: data-state, and the note with the error or the age of stale data. */
    decorate(tile) {
        const data = tile.data;
        let state = data.state === 'error' || data.state === 'stale' ? data.state : null;
        let note = '';
        if (tile.rendererError) {
            state = 'error';
            note = this.texts('rendererFailed', {message: tile.rendererError});
        } else if (data.state === 'error') {
            note = data.error || this.texts('error');
        } else if (data.state === 'stale') {
            note = data.asOf ? this.texts('asOf', {age: this.settings().fmt.relative(data.asOf)}) : this.texts('stale');
        }
        if (state) {
            tile.element.dataset.state = state;
        } else {
            delete tile.element.dataset.state;
        }
        tile.element.classList.toggle('loading', data.state === 'loading');
        tile.body.hidden = state === 'error';
        tile.note.textContent = note;
        tile.note.hidden = !note;
        tile.note.title = data.error || '';
    }
}
