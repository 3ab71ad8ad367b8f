// Closed-loop load client on the npm `ws` library: N connections, each sends a message and waits
// for its echo before sending the next. Latency per message from a histogram (microseconds).
// With --rate R each connection sends on a fixed schedule (R messages/s over all connections),
// which measures latency below saturation. Prints MEASURE_START / MEASURE_END at the window
// edges and one RESULT line of JSON, like loadgen/wsload.
//
//   node clients/closed-loop.mjs --url ws://127.0.0.1:9001/echo --conns 100 --size 32
//        [--binary] [--deflate] [--rate 20000] [--warmup 5] [--duration 8]
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { Histogram } from './histogram.mjs';
import { jsonPayload } from './payload.mjs';

const { values: opts } = parseArgs({
    options: {
        url: { type: 'string' },
        conns: { type: 'string', default: '100' },
        size: { type: 'string', default: '32' },
        binary: { type: 'boolean', default: false },
        deflate: { type: 'boolean', default: false },
        rate: { type: 'string', default: '0' },
        warmup: { type: 'string', default: '5' },
        duration: { type: 'string', default: '8' },
        'connect-batch': { type: 'string', default: '50' },
    },
});
if (!opts.url) fail('--url is required');

const conns = Number(opts.conns);
const warmupMs = Number(opts.warmup) * 1000;
const durationMs = Number(opts.duration) * 1000;
const rate = Number(opts.rate);
const payload = jsonPayload(Number(opts.size));
const sendOptions = { binary: opts.binary, compress: opts.deflate };
// threshold 0: compress every message, as the servers in the deflate scenarios do.
const clientOptions = { perMessageDeflate: opts.deflate ? { threshold: 0 } : false, maxPayload: 64 * 1024 * 1024 };

// Bounded no matter what the server does.
setTimeout(() => fail('run overstayed its time limit'), warmupMs + durationMs + 120_000).unref();

const latency = new Histogram();
let measuring = false;
let stopped = false;
let received = 0;
let lateSends = 0;
let extensions = '';

const sockets = [];
for (let i = 0; i < conns; i += Number(opts['connect-batch'])) {
    const batch = [];
    for (let j = i; j < Math.min(conns, i + Number(opts['connect-batch'])); j++) batch.push(open());
    sockets.push(...await Promise.all(batch));
}
extensions = sockets[0].extensions;
if (opts.deflate && !extensions.includes('permessage-deflate')) fail('server did not accept permessage-deflate (is its deflate option on?)');
if (!opts.deflate && extensions !== '') fail(`server negotiated an extension nobody offered: ${extensions}`);
console.log(`CONNECTED ${conns} closed-loop extensions="${extensions}"`);

const start = performance.now();
const intervalMs = rate > 0 ? (conns * 1000) / rate : 0;
sockets.forEach((socket, i) => drive(socket, start + (intervalMs * i) / conns));

await sleep(warmupMs);
const cpuBefore = process.cpuUsage();
const measureStart = performance.now();
received = 0;
lateSends = 0;
latency.reset();
measuring = true;
console.log('MEASURE_START');
await sleep(durationMs);
measuring = false;
stopped = true;
const seconds = (performance.now() - measureStart) / 1000;
const cpu = process.cpuUsage(cpuBefore);
console.log('MEASURE_END');
// Stay alive a moment (idle) so whoever watches can read our /proc figures.
await sleep(300);
const result = {
    tool: 'closed-loop',
    conns,
    size: payload.length,
    opcode: opts.binary ? 'binary' : 'text',
    deflate: opts.deflate,
    extensions,
    rate,
    warmup_s: warmupMs / 1000,
    seconds: Number(seconds.toFixed(3)),
    messages: received,
    msgs_per_sec: Math.round(received / seconds),
    late_sends: lateSends,
    client_cpu_pct: Number((((cpu.user + cpu.system) / 1e6 / seconds) * 100).toFixed(1)),
    latency_us: {
        p50: latency.quantile(0.5) / 1e3,
        p99: latency.quantile(0.99) / 1e3,
        p999: latency.quantile(0.999) / 1e3,
        max: latency.max / 1e3,
        samples: latency.total,
    },
};
console.log(`RESULT ${JSON.stringify(result)}`);
for (const socket of sockets) socket.terminate();
process.exit(0);

function open() {
    return new Promise((resolve, reject) => {
        const socket = new WebSocket(opts.url, clientOptions);
        socket.once('open', () => resolve(socket));
        socket.once('error', (err) => reject(new Error(`connect ${opts.url}: ${err.message}`)));
        socket.once('unexpected-response', (req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
    }).catch((err) => fail(err.message));
}

/** Runs one connection: send, wait for the echo, check it, then send again (now or on schedule). */
function drive(socket, firstSendAt) {
    let sentAt = 0;
    let nextAt = firstSendAt;
    const send = () => {
        if (stopped) return;
        sentAt = performance.now();
        if (rate > 0 && sentAt - nextAt > 1) lateSends++;
        socket.send(payload, sendOptions);
    };
    socket.on('message', (data, isBinary) => {
        const now = performance.now();
        if (isBinary !== opts.binary || !payload.equals(data)) fail('echo differs from what was sent');
        if (measuring) {
            received++;
            latency.record((now - sentAt) * 1e6);
        }
        if (rate > 0) {
            nextAt += intervalMs;
            const wait = nextAt - now;
            if (wait > 0.5) setTimeout(send, wait);
            else send();
        } else {
            send();
        }
    });
    socket.on('close', (code) => { if (!stopped) fail(`server closed a connection during the run (code ${code})`); });
    socket.on('error', (err) => { if (!stopped) fail(`socket error: ${err.message}`); });
    const wait = firstSendAt - performance.now();
    if (wait > 0.5) setTimeout(send, wait);
    else send();
}

function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

function fail(message) {
    console.error(`closed-loop: ${message}`);
    console.log(`RESULT ${JSON.stringify({ error: message })}`);
    process.exit(1);
}
