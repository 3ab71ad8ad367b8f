// The scenarios of a run and the load client each one uses. Message sizes: 32 B and 16 KiB of
// JSON-like text (see clients/payload.mjs). "msg/s" means echoes per second, or for broadcast,
// deliveries per second (one message received by one client).
import path from 'node:path';
import { BENCH_DIR } from './servers.mjs';

const KIB16 = 16 * 1024;

function sizeName(size) {
    return size >= 1024 ? `${size / 1024}KiB` : `${size}B`;
}

function scenario(kind, size, conns, extra = {}) {
    const deflate = extra.deflate ?? false;
    const rate = extra.rate ?? 0;
    const window = extra.window ?? 0;
    const what = kind === 'broadcast' ? `${conns}r` : `${conns}c`;
    const suffix = kind === 'closed' ? (rate ? `rate${rate / 1000}k` : 'closed') : kind === 'open' ? 'open' : '';
    const base = kind === 'broadcast' ? `broadcast-${sizeName(size)}-${what}` : `echo-${sizeName(size)}-${what}-${suffix}`;
    return { id: `${deflate ? 'deflate-' : ''}${base}${window ? `-w${window}` : ''}`, kind, size, conns, deflate, rate, window };
}

/** Every scenario, in run order. */
export function allScenarios() {
    const list = [];
    for (const size of [32, KIB16]) {
        for (const conns of [1, 100, 1000]) list.push(scenario('closed', size, conns));
    }
    list.push(scenario('closed', 32, 100, { rate: 20000 }));
    for (const size of [32, KIB16]) {
        for (const conns of [1, 100, 1000]) list.push(scenario('open', size, conns));
    }
    // Few messages in flight: every message costs the server more syscalls. Near the load shape
    // behind the reference figures in shared/BENCH.md (see README, "window").
    list.push(scenario('open', 32, 1000, { window: 8 }));
    for (const receivers of [100, 1000]) list.push(scenario('broadcast', 32, receivers));
    for (const size of [32, KIB16]) list.push(scenario('closed', size, 100, { deflate: true }));
    for (const size of [32, KIB16]) {
        for (const conns of [100, 1000]) list.push(scenario('open', size, conns, { deflate: true }));
    }
    for (const receivers of [100, 1000]) list.push(scenario('broadcast', KIB16, receivers, { deflate: true }));
    return list;
}

/** The generator's ceiling: raw mode against the trivial TCP echo server. */
export function headroomScenarios() {
    return [100, 1000].map((conns) => ({ id: `headroom-32B-${conns}c-raw`, kind: 'raw', size: 32, conns, deflate: false, rate: 0, window: 0 }));
}

/** How a scenario reads in the table. */
export function describe(s) {
    const load = {
        closed: s.rate ? `ws client, fixed rate ${s.rate} msg/s` : 'ws client, closed loop',
        open: s.window ? `wsload, open loop, window ${s.window}` : 'wsload, open loop',
        broadcast: `wsload, 1 sender, ${s.conns} receivers`,
        raw: 'wsload raw (no WebSocket)',
    }[s.kind];
    return `${load}${s.deflate ? ', permessage-deflate' : ''}`;
}

/** The load client's command line for a scenario against a server on port. */
export function clientCommand(s, port, timing, { binary = false } = {}) {
    const common = ['--warmup', String(timing.warmup), '--duration', String(timing.duration), ...(binary ? ['--binary'] : [])];
    if (s.kind === 'closed') {
        return {
            cmd: 'node',
            args: [path.join(BENCH_DIR, 'clients/closed-loop.mjs'), '--url', `ws://127.0.0.1:${port}/echo`,
                '--conns', String(s.conns), '--size', String(s.size), ...(s.deflate ? ['--deflate'] : []),
                ...(s.rate ? ['--rate', String(s.rate)] : []), ...common],
        };
    }
    const mode = s.kind === 'broadcast' ? 'broadcast' : s.kind === 'raw' ? 'raw' : 'echo';
    return {
        cmd: path.join(BENCH_DIR, 'target/loadgen/wsload'),
        args: ['--port', String(port), '--mode', mode, '--conns', String(s.conns), '--size', String(s.size),
            ...(s.deflate ? ['--deflate'] : []), ...(s.window ? ['--window', String(s.window)] : []), ...common],
    };
}
