// The Fleet console plugin's live part: reads state.json every few seconds and redraws the mirrors and the results
// with DOM calls and textContent only (names, versions and event texts come from the network).
import {cell} from './plugin.js';

(function () {
    'use strict';
    const plugin = document.getElementById('fleet-plugin');
    const root = plugin.dataset.root;
    const POLL_MS = 2000;

    function time(iso) {
        return iso ? new Date(iso).toLocaleString() : '';
    }

    function replaceRows(tableId, rows) {
        const body = document.querySelector('#' + tableId + ' tbody');
        body.replaceChildren(...rows);
    }

    function mirrors(state) {
        replaceRows('fp-mirrors', state.mirrors.map((mirror) => {
            const row = document.createElement('tr');
            row.dataset.mirrorId = mirror.id;
            row.dataset.state = mirror.state;
            row.append(cell(mirror.id + (mirror.id === state.thisMirror ? ' (this one)' : '')),
                cell([mirror.name, mirror.location].filter(Boolean).join(', ')),
                cell(mirror.groups.join(', ')),
                cell(mirror.state, mirror.state === 'online' ? 'fp-online' : 'fp-offline'),
                cell(time(mirror.lastSeen)),
                cell(mirror.version),
                cell(mirror.displays),
                cell(mirror.widgetsOk + ' / ' + mirror.widgetsStale + ' / ' + mirror.widgetsError),
                cell(mirror.widgetsInError.join(', ')));
            return row;
        }));
    }

    function events(state) {
        replaceRows('fp-events', state.events.map((event) => {
            const row = document.createElement('tr');
            row.dataset.result = event.result;
            row.append(cell(time(event.time)), cell(event.mirrorId), cell(event.kind), cell(event.topic),
                cell(event.result + (event.reason ? ' (' + event.reason + ')' : ''),
                    event.result === 'refused' ? 'fp-refused' : ''),
                cell(event.detail));
            return row;
        }));
    }

    function draw(state) {
        document.getElementById('fp-connection').textContent = 'This mirror (' + state.thisMirror + ') is '
            + (state.connected ? 'connected to the broker.' : 'not connected to the broker; it keeps trying.');
        document.getElementById('fp-nokey').hidden = state.holdsKey;
        document.getElementById('fp-manage').hidden = !state.holdsKey;
        document.getElementById('fp-public-key').textContent = state.publicKey;
        mirrors(state);
        events(state);
    }

    function poll() {
        fetch(root + '/state.json', {credentials: 'same-origin', cache: 'no-store'})
            .then((response) => response.ok ? response.json() : Promise.reject(new Error('HTTP ' + response.status)))
            .then(draw)
            .catch((error) => {
                document.getElementById('fp-connection').textContent = 'Cannot read the fleet state: ' + error.message;
            })
            .finally(() => setTimeout(poll, POLL_MS));
    }

    poll();
}());
