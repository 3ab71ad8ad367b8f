// Runs the scenarios against each server, one after the other, with the same load client and the
// same settings, and writes a markdown table. Start it through test/bench/run.sh (raises ulimit -n,
// builds what is missing). See test/bench/README.md.
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cpuBetween, measurementWindow, statusKb } from './procstat.mjs';
import { freePort, launcher, waitForPort } from './processes.mjs';
import { limiter } from './limiter.mjs';
import { markdown } from './report.mjs';
import { allScenarios, clientCommand, headroomScenarios } from './scenarios.mjs';
import { BENCH_DIR, recommendedOursJvmOpts, REPO_DIR, serverDefinitions } from './servers.mjs';

const { values: opts } = parseArgs({
    options: {
        servers: { type: 'string', default: 'auto' },
        scenarios: { type: 'string', default: '.' },
        quick: { type: 'boolean', default: false },
        binary: { type: 'boolean', default: false },
        warmup: { type: 'string' },
        duration: { type: 'string' },
        'ours-jar': { type: 'string', default: path.join(REPO_DIR, 'target/mirror.jar') },
        'ours-cmd': { type: 'string' },
        'ours-ready': { type: 'string', default: 'Campus Mirror ready' },
        'ours-jvm-opts': { type: 'string' },
        'netty-jvm-opts': { type: 'string', default: '' },
        'netty-transport': { type: 'string', default: 'nio' },
        'ws-node-opts': { type: 'string', default: '' },
        headroom: { type: 'boolean', default: true },
        'no-headroom': { type: 'boolean', default: false },
        'server-core': { type: 'string', default: '0' },
        'client-core': { type: 'string', default: '1' },
        nice: { type: 'string', default: '0' },
        out: { type: 'string' },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
    },
});

if (opts.help) {
    console.log('see test/bench/README.md; e.g. test/bench/run.sh --quick --servers ws,netty --scenarios "echo-32B"');
    process.exit(0);
}

const timing = {
    quick: opts.quick,
    warmup: Number(opts.warmup ?? (opts.quick ? 1 : 5)),
    duration: Number(opts.duration ?? (opts.quick ? 2 : 8)),
};
const cores = { server: opts['server-core'], client: opts['client-core'] };
const oursJvm = opts['ours-jvm-opts'] !== undefined
    ? { opts: opts['ours-jvm-opts'], source: '--ours-jvm-opts' }
    : recommendedOursJvmOpts();
const definitions = serverDefinitions({
    oursJar: opts['ours-jar'],
    oursCmd: opts['ours-cmd'] ?? null,
    oursReady: opts['ours-ready'],
    oursJvmOpts: oursJvm.opts,
    oursJvmSource: oursJvm.source,
    nettyJvmOpts: opts['netty-jvm-opts'],
    nettyTransport: opts['netty-transport'],
    wsNodeOpts: opts['ws-node-opts'],
});
const servers = opts.servers === 'auto'
    ? [...(definitions.ours.missing() ? [] : ['ours']), 'ws', 'netty']
    : opts.servers.split(',').map((s) => s.trim()).filter(Boolean);
const filter = new RegExp(opts.scenarios);
const scenarios = allScenarios().filter((s) => filter.test(s.id));

if (opts.list) {
    for (const s of allScenarios()) console.log(`${filter.test(s.id) ? '*' : ' '} ${s.id}`);
    process.exit(0);
}
for (const name of servers) {
    if (!definitions[name]) fail(`unknown server '${name}' (known: ours, ws, netty)`);
    const missing = definitions[name].missing();
    if (missing) fail(`${name}: ${missing}`);
}
if (scenarios.length === 0) fail(`no scenario matches /${opts.scenarios}/ (see --list)`);

const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
const outDir = path.join(BENCH_DIR, 'target/results', stamp);
const logDir = path.join(outDir, 'logs');
mkdirSync(logDir, { recursive: true });

const unavailable = new Map();
const { launch, stopAll } = launcher({ logDir, nice: opts.nice });
process.on('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
        stopAll();
        process.exit(130);
    });
}

const run = {
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short', 'HEAD']),
    host: `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Linux ${os.release()}, node ${process.version}, ${javaVersion()}`,
    command: `test/bench/run.sh ${process.argv.slice(2).join(' ')}`.trim(),
    timing,
    cores,
    nice: Number(opts.nice),
    payload: opts.binary ? 'binary frames (JSON-like bytes)' : 'text frames (JSON-like ASCII)',
    loadAverage: os.loadavg().map((v) => v.toFixed(2)).join(' '),
    servers,
    serverOptions: Object.fromEntries(servers.map((name) => [name, definitions[name].options])),
    headroom: [],
    rows: [],
};

console.error(`bench: ${scenarios.length} scenarios × ${servers.length} servers, warm-up ${timing.warmup} s, `
    + `measure ${timing.duration} s; logs in ${outDir}`);
if (opts.headroom && !opts['no-headroom']) {
    for (const s of headroomScenarios()) run.headroom.push(await measure(s, 'tcp-echo'));
}
for (const s of scenarios) {
    for (const name of servers) run.rows.push(await measure(s, name));
}

const text = markdown(run);
writeFileSync(path.join(outDir, 'results.md'), `${text}\n`);
writeFileSync(path.join(outDir, 'results.json'), `${JSON.stringify(run, null, 2)}\n`);
if (opts.out) writeFileSync(path.resolve(opts.out), `${text}\n`);
console.log(text);
console.error(`bench: wrote ${path.join(outDir, 'results.md')}${opts.out ? ` and ${opts.out}` : ''}`);
process.exit(run.rows.some((r) => r.error) || run.headroom.some((r) => r.error) ? 1 : 0);

/** One scenario against one server: start it, load it, read the kernel's figures, stop it. */
async function measure(s, serverName) {
    const def = definitions[serverName];
    const tag = `${s.id}-${serverName}`;
    if (unavailable.has(serverName)) {
        return { scenario: s.id, scenarioDef: s, server: serverName, error: `skipped: ${unavailable.get(serverName)}` };
    }
    const port = await freePort();
    const httpPort = await freePort();
    const home = mkdtempSync(path.join(os.tmpdir(), 'bench-home-'));
    const limitSeconds = timing.warmup + timing.duration + 180;
    const base = { scenario: s.id, scenarioDef: s, server: serverName };
    console.error(`bench: ${tag} ...`);
    const { cmd, args } = def.command({ port, httpPort, deflate: s.deflate, home, maxSeconds: limitSeconds });
    const server = launch('server', tag, ['-c', cores.server, cmd, ...args], limitSeconds);
    try {
        try {
            await server.waitForLine(def.ready, 120_000);
            // The ready line may come before the WebSocket port listens: wait for the port too.
            await waitForPort(port, 30_000);
        } catch (err) {
            // A server that cannot start will not start for the next scenario either.
            unavailable.set(serverName, `${err.message} (first seen in ${s.id})`);
            throw err;
        }
        const serverPid = await server.pid();
        const client = clientCommand(s, port, timing, { binary: opts.binary });
        const load = launch('client', tag, ['-c', cores.client, client.cmd, ...client.args], limitSeconds);
        const clientPid = await load.pid();
        const measured = measurementWindow(load, serverPid, clientPid);
        const code = await load.exited;
        const { first, last, result } = measured;
        const vmHwmKb = statusKb(serverPid, 'VmHWM');
        const threads = statusKb(serverPid, 'Threads');
        if (!result || result.error || code !== 0 || !first || !last) {
            const why = result?.error ?? `client exited with ${code}: ${load.tail()}`;
            return { ...base, error: why };
        }
        if (server.exitCode() !== null) return { ...base, error: `server exited during the run: ${server.tail()}` };
        const cpu = cpuBetween(first, last);
        return {
            ...base,
            msgsPerSec: result.msgs_per_sec,
            p50: result.latency_us?.p50 ?? null,
            p99: result.latency_us?.p99 ?? null,
            vmHwmKb,
            threads,
            cpu,
            limiter: limiter(s, result, cpu),
            result,
        };
    } catch (err) {
        return { ...base, error: `${err.message}${server.tail() ? ` — server log: ${server.tail()}` : ''}` };
    } finally {
        await server.stop();
        rmSync(home, { recursive: true, force: true });
    }
}

function git(args) {
    try {
        return execFileSync('git', ['-C', REPO_DIR, ...args], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    } catch {
        return 'unknown';
    }
}

function javaVersion() {
    const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
    return (probe.stderr || probe.stdout || 'java ?').split('\n')[0];
}

function fail(message) {
    console.error(`bench: ${message}`);
    process.exit(2);
}

