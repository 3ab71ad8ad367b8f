// Broadcast capacity and overload, side by side: N connections on /broadcast, each publishing at a fixed rate
// to all (the storm of issue 12: deliveries asked = rate per connection × N²). For each server and N the asked
// rate goes up step by step; a step is "sustained" when no connection was closed and at least 98 % of the
// deliveries asked arrived. The highest sustained step is the capacity; then one overload run far beyond it
// (1000 connections × 3 messages/s, 3 million deliveries/s asked) shows what the server does past capacity:
// connections closed (and with which code), deliveries that still arrive, peak RSS. Start through
// test/bench/capacity.sh; see test/bench/README.md.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cpuBetween, measurementWindow, statusKb } from './procstat.mjs';
import { freePort, launcher, waitForPort } from './processes.mjs';
import { BENCH_DIR, recommendedOursJvmOpts, REPO_DIR, serverDefinitions } from './servers.mjs';

const { values: opts } = parseArgs({
    options: {
        servers: { type: 'string', default: 'ours,ws' },
        connections: { type: 'string', default: '1000,300,100' },
        asked: { type: 'string', default: '25000,50000,100000,200000,300000,500000,750000,1000000,1500000,2000000' },
        overload: { type: 'string', default: '1000x3' },
        size: { type: 'string', default: '32' },
        warmup: { type: 'string', default: '3' },
        duration: { type: 'string', default: '8' },
        'overload-duration': { type: 'string', default: '20' },
        'ours-jar': { type: 'string', default: path.join(REPO_DIR, 'target/mirror.jar') },
        'ours-jvm-opts': { type: 'string' },
        'server-core': { type: 'string', default: '0' },
        'client-core': { type: 'string', default: '1' },
        out: { type: 'string' },
    },
});

const SUSTAINED_SHARE = 0.98;
const oursJvm = opts['ours-jvm-opts'] !== undefined ? { opts: opts['ours-jvm-opts'], source: '--ours-jvm-opts' }
    : recommendedOursJvmOpts();
const definitions = serverDefinitions({
    oursJar: opts['ours-jar'], oursCmd: null, oursReady: 'Campus Mirror ready', oursJvmOpts: oursJvm.opts,
    oursJvmSource: oursJvm.source, nettyJvmOpts: '', nettyTransport: 'nio', wsNodeOpts: '',
});
const servers = opts.servers.split(',').map((s) => s.trim()).filter(Boolean);
const connectionCounts = opts.connections.split(',').map(Number);
const askedSteps = opts.asked.split(',').map(Number);
const [overloadConns, overloadRate] = opts.overload.split('x').map(Number);
const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const outDir = path.join(BENCH_DIR, 'target/capacity', stamp);
mkdirSync(outDir, { recursive: true });
const { launch, stopAll } = launcher({ logDir: outDir });
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
        stopAll();
        process.exit(130);
    });
}
for (const name of servers) {
    const missing = definitions[name] ? definitions[name].missing() : `unknown server '${name}'`;
    if (missing) {
        console.error(`capacity: ${name}: ${missing}`);
        process.exit(2);
    }
}

const loadAverage = os.loadavg().map((v) => v.toFixed(2)).join(' ');
const rows = [];
for (const conns of connectionCounts) {
    for (const name of servers) {
        let misses = 0;
        for (const asked of askedSteps) {
            const row = await step(name, conns, asked / conns, Number(opts.duration), `${conns}c-${asked}`);
            rows.push(row);
            misses = row.sustained ? 0 : misses + 1;
            if (misses >= 2) {
                break; // past capacity twice: higher steps only say the same
            }
        }
    }
}
const overloads = [];
for (const name of servers) {
    overloads.push(await step(name, overloadConns, overloadConns * overloadRate, Number(opts['overload-duration']),
        `overload-${overloadConns}x${overloadRate}`));
}

const text = report();
writeFileSync(path.join(outDir, 'capacity.md'), `${text}\n`);
writeFileSync(path.join(outDir, 'capacity.json'), `${JSON.stringify({ rows, overloads }, null, 2)}\n`);
if (opts.out) writeFileSync(path.resolve(opts.out), `${text}\n`);
console.log(text);
process.exit(0);

/** One fixed-rate broadcast storm: a fresh server, wsload with `rate` messages/s over all connections. */
async function step(name, conns, rate, duration, tag) {
    const def = definitions[name];
    const port = await freePort();
    const httpPort = await freePort();
    const home = mkdtempSync(path.join(os.tmpdir(), 'capacity-home-'));
    const limitSeconds = Number(opts.warmup) + duration + 120;
    const base = { server: name, conns, asked: Math.round(rate * conns), ratePerConn: rate / conns };
    console.error(`capacity: ${name} ${tag} ...`);
    const { cmd, args } = def.command({ port, httpPort, deflate: false, home, maxSeconds: limitSeconds });
    const server = launch('server', `${name}-${tag}`, ['-c', opts['server-core'], cmd, ...args], limitSeconds);
    try {
        await server.waitForLine(def.ready, 120_000);
        await waitForPort(port, 30_000);
        const serverPid = await server.pid();
        const load = launch('client', `${name}-${tag}`, ['-c', opts['client-core'],
            path.join(BENCH_DIR, 'target/loadgen/wsload'), '--port', String(port), '--mode', 'broadcast',
            '--conns', String(conns), '--senders', String(conns), '--rate', String(rate), '--window', '100000000',
            '--size', opts.size, '--allow-close', '--warmup', opts.warmup, '--duration', String(duration)],
        limitSeconds);
        const clientPid = await load.pid();
        const measured = measurementWindow(load, serverPid, clientPid);
        await load.exited;
        const { first, last, result } = measured;
        const rssMb = Math.round((statusKb(serverPid, 'VmHWM') ?? 0) / 1024);
        const alive = server.exitCode() === null;
        if (!result || result.error || !first || !last) {
            return { ...base, error: result?.error ?? `client: ${load.tail()}`, rssMb, alive };
        }
        const deliveredAsked = result.sent_per_sec * conns;
        const share = deliveredAsked > 0 ? result.msgs_per_sec / deliveredAsked : 0;
        return {
            ...base,
            sent: result.sent_per_sec,
            delivered: result.msgs_per_sec,
            share,
            closed: result.closed ?? 0,
            closeCodes: result.close_codes ?? {},
            firstCloseSeconds: result.first_close_s ?? -1,
            sustained: (result.closed ?? 0) === 0 && share >= SUSTAINED_SHARE,
            cpu: cpuBetween(first, last).server,
            rssMb,
            alive,
        };
    } catch (err) {
        return { ...base, error: `${err.message} — ${server.tail()}` };
    } finally {
        await server.stop();
        rmSync(home, { recursive: true, force: true });
    }
}

function report() {
    const n = (v) => (v === undefined || v === null ? '' : Math.round(v).toLocaleString('en-US'));
    const lines = [
        '# Broadcast capacity and overload',
        '',
        `- date: ${new Date().toISOString()}; commit ${git(['rev-parse', '--short', 'HEAD'])}; ${os.cpus().length} cores, `
            + `load average at start ${loadAverage}`,
        `- command: \`test/bench/capacity.sh ${process.argv.slice(2).join(' ')}\``.replace(/ `$/, '`'),
        `- ours: ${definitions.ours.options}`,
        `- ws: ${definitions.ws.options}`,
        `- load: wsload --mode broadcast, every connection publishes ${opts.size}-byte text at a fixed rate to all;`
            + ` warm-up ${opts.warmup} s, measured ${opts.duration} s; server on core ${opts['server-core']}, load on`
            + ` core ${opts['client-core']}; a fresh server per step`,
        `- sustained: no connection closed and at least ${SUSTAINED_SHARE * 100} % of the deliveries asked arrived`,
        '',
        '## Highest sustained broadcast rate',
        '',
        '| connections | server | highest sustained deliveries/s | first step not sustained (asked → delivered, closed) | RSS MB |',
        '|---|---|---|---|---|',
    ];
    const best = {};
    for (const conns of connectionCounts) {
        for (const name of servers) {
            const mine = rows.filter((r) => r.server === name && r.conns === conns);
            const held = mine.filter((r) => r.sustained);
            const top = held.length ? held.reduce((a, b) => (b.delivered > a.delivered ? b : a)) : null;
            const miss = mine.find((r) => !r.sustained && (!top || r.asked > top.asked));
            best[`${name}-${conns}`] = top?.delivered ?? 0;
            lines.push(`| ${conns} | ${name} | ${top ? n(top.delivered) : 'none'} | ${miss ? `${n(miss.asked)} → `
                + `${miss.error ? miss.error : `${n(miss.delivered)}, ${miss.closed} closed`}` : 'every step held'} `
                + `| ${top?.rssMb ?? ''} |`);
        }
    }
    if (servers.includes('ours') && servers.includes('ws')) {
        lines.push('', '| connections | ours / ws, highest sustained deliveries/s |', '|---|---|');
        for (const conns of connectionCounts) {
            const ratio = best[`ws-${conns}`] ? best[`ours-${conns}`] / best[`ws-${conns}`] : null;
            lines.push(`| ${conns} | ${ratio ? `${ratio.toFixed(1)}×` : 'n/a'} |`);
        }
    }
    lines.push('', `## Overload: ${overloadConns} connections × ${overloadRate} messages/s each`
        + ` (${n(overloadConns * overloadConns * overloadRate)} deliveries/s asked), ${opts['overload-duration']} s`, '',
    '| server | deliveries/s that arrived | connections closed (codes) | first close after | still open at the end | '
        + 'peak RSS MB | server alive |', '|---|---|---|---|---|---|---|');
    for (const o of overloads) {
        const codes = Object.entries(o.closeCodes ?? {}).map(([code, count]) => `${count}× ${code}`).join(', ');
        lines.push(o.error ? `| ${o.server} | failed: ${o.error} | | | | ${o.rssMb ?? ''} | ${o.alive ?? ''} |`
            : `| ${o.server} | ${n(o.delivered)} | ${o.closed}${codes ? ` (${codes})` : ''} | `
            + `${o.firstCloseSeconds >= 0 ? `${o.firstCloseSeconds.toFixed(1)} s` : 'never'} | ${o.conns - o.closed} | `
            + `${o.rssMb} | ${o.alive ? 'yes' : 'no'} |`);
    }
    lines.push('', '## Every step', '', '| server | connections | asked deliveries/s | arrived | share | closed | '
        + 'server CPU | RSS MB |', '|---|---|---|---|---|---|---|---|');
    for (const r of rows) {
        lines.push(r.error ? `| ${r.server} | ${r.conns} | ${n(r.asked)} | failed: ${r.error} | | | | |`
            : `| ${r.server} | ${r.conns} | ${n(r.asked)} | ${n(r.delivered)} | ${(r.share * 100).toFixed(1)} % | `
            + `${r.closed} | ${r.cpu ?? ''} % | ${r.rssMb} |`);
    }
    return lines.join('\n');
}

function git(args) {
    try {
        return execFileSync('git', ['-C', REPO_DIR, ...args], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    } catch {
        return 'unknown';
    }
}
