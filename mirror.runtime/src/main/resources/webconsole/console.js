// The Mirror console plugin's live part: reads state.json every few seconds and redraws the widget, display and
// alert lists with DOM calls (text only). Forms post with the page's token (CSRF).
import {cell} from './plugin.js';

(function () {
    'use strict';
    const plugin = document.getElementById('mirror-plugin');
    const root = plugin.dataset.root;
    const token = plugin.dataset.token;
    const POLL_MS = 3000;

    function age(iso, now) {
        if (!iso) {
            return '';
        }
        const seconds = Math.max(0, Math.round((Date.parse(now) - Date.parse(iso)) / 1000));
        if (seconds < 120) {
            return seconds + ' s';
        }
        if (seconds < 7200) {
            return Math.round(seconds / 60) + ' min';
        }
        return Math.round(seconds / 3600) + ' h';
    }

    function time(iso) {
        return iso ? new Date(iso).toLocaleString() : '';
    }

    function form(action, fields, label) {
        const element = document.createElement('form');
        element.method = 'post';
        element.action = root + '/action';
        const all = Object.assign({token: token, do: action}, fields);
        for (const [name, value] of Object.entries(all)) {
            const input = document.createElement('input');
            input.type = 'hidden';
            input.name = name;
            input.value = value;
            element.appendChild(input);
        }
        const button = document.createElement('button');
        button.type = 'submit';
        button.textContent = label;
        element.appendChild(button);
        return element;
    }

    function widgets(state) {
        const rows = state.widgets.map((widget) => {
            const row = document.createElement('tr');
            row.dataset.widgetId = widget.id;
            const name = cell(widget.title ? widget.title + ' (' + widget.id + ')' : widget.id);
            name.title = widget.pid + ' from ' + widget.bundle;
            row.appendChild(name);
            row.appendChild(cell(widget.kind));
            row.appendChild(cell(widget.region + (widget.pages.length ? ' / ' + widget.pages.join(', ') : ' / every page')));
            const status = widget.state + (widget.fromCache ? ' (cached)' : '') + (widget.activated ? '' : ' (not activated)')
                + (widget.runningSince ? ' (hung since ' + time(widget.runningSince) + ')' : '');
            row.appendChild(cell(status, 'mp-state mp-state-' + widget.state));
            row.appendChild(cell(time(widget.lastRefresh)));
            row.appendChild(cell(age(widget.dataAsOf, state.now)));
            row.appendChild(cell(widget.lastError ? widget.lastError + (widget.lastErrorAt ? ' (' + time(widget.lastErrorAt) + ')' : '') : ''));
            const actions = document.createElement('td');
            if (widget.activated) {
                actions.appendChild(form('refresh', {widget: widget.id}, 'Refresh'));
            }
            row.appendChild(actions);
            return row;
        });
        document.querySelector('#mp-widgets tbody').replaceChildren(...rows);
    }

    function displays(state) {
        const rows = state.displays.map((display) => {
            const row = document.createElement('tr');
            row.appendChild(cell(display.address + (display.preview ? ' (this preview)' : '')));
            row.appendChild(cell(time(display.since)));
            row.appendChild(cell(display.userAgent));
            return row;
        });
        document.querySelector('#mp-displays tbody').replaceChildren(...rows);
        document.getElementById('mp-displays-count').textContent = String(state.displays.length);
        const ws = state.webSocket;
        document.getElementById('mp-ws').textContent = ws ? 'WebSocket server: ' + ws.openConnections
            + ' connection(s), ' + ws.broadcastsEncoded + ' broadcasts, ' + ws.broadcastsDropped + ' skipped for slow '
            + 'displays, ' + ws.slowConsumerCloses + ' slow display(s) shed' : 'WebSocket server not running';
    }

    function alerts(state) {
        const items = state.alerts.map((alert) => {
            const item = document.createElement('li');
            item.dataset.alertId = alert.id;
            item.appendChild(document.createTextNode(alert.level + ' "' + alert.text + '" (' + alert.id + ', from '
                + alert.source + (alert.until ? ', until ' + time(alert.until) : '') + ') '));
            item.appendChild(form('clear-alert', {id: alert.id}, 'Clear'));
            return item;
        });
        document.getElementById('mp-alerts').replaceChildren(...items);
    }

    function display(state) {
        document.getElementById('mp-page').textContent = state.page;
        document.getElementById('mp-pages').textContent = state.pages.map((page) => page.name + ' (' + page.seconds + ' s)').join(', ')
            + (state.rotate ? ', rotating' : ', not rotating');
        document.getElementById('mp-sleep').textContent = state.asleep ? 'asleep' : 'awake';
        document.getElementById('mp-busy').textContent = String(state.busyThreads);
        const problems = document.getElementById('mp-problems');
        problems.textContent = state.layoutProblems.length ? 'Layout configuration: ' + state.layoutProblems.join('; ') : '';
        problems.hidden = state.layoutProblems.length === 0;
    }

    async function poll() {
        try {
            const response = await fetch(root + '/state.json', {credentials: 'same-origin', cache: 'no-store'});
            if (response.ok) {
                const state = await response.json();
                display(state);
                widgets(state);
                displays(state);
                alerts(state);
            }
        } catch (error) {
            console.warn('Mirror console: cannot read the state', error);
        }
        setTimeout(poll, POLL_MS);
    }

    poll();
}());
