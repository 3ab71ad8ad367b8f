// JSON-like ASCII payloads, byte for byte the ones loadgen/frames.c makes (payload_json), so the
// closed-loop and open-loop clients send the same text: valid UTF-8, compressible like push data.
const WIDGETS = ['canteen', 'timetable', 'departures', 'weather', 'news', 'clock'];
const TITLES = ['Mensa Nord', 'Hoersaal A1', 'Bus 42 Hauptbahnhof', 'Bibliothek', 'Vorlesung Informatik', 'Tram 7 Campus'];
const STATES = ['ok', 'stale', 'ok', 'ok', 'error', 'ok'];

export function jsonPayload(length, seed = 12345) {
    const out = Buffer.alloc(length);
    let state = (seed >>> 0) || 0x9e3779b9;
    const next = () => {
        let x = state;
        x = (x ^ (x << 13)) >>> 0;
        x = (x ^ (x >>> 17)) >>> 0;
        x = (x ^ (x << 5)) >>> 0;
        state = x;
        return x;
    };
    let at = 0;
    if (length > 0) out[at++] = 0x5b; // '['
    while (at < length) {
        const r = next();
        const record = `{"id":${r % 100000},"widget":"${WIDGETS[r % 6]}","title":"${TITLES[(r >>> 8) % 6]}",`
            + `"value":${(r >>> 4) % 1000}.${String((r >>> 12) % 100).padStart(2, '0')},`
            + `"state":"${STATES[(r >>> 16) % 6]}"},`;
        at += out.write(record, at, 'latin1');
    }
    if (length > 1) out[length - 1] = 0x5d; // ']'
    return out;
}
