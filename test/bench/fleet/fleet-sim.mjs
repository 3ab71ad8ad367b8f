// 1000 simulated mirrors on the fleet's topic contract against a real Mosquitto on this machine.
//
// Each simulated mirror is one MQTT 5 connection, as a real one: client id = mirror id, keep-alive 30 s, a retained
// will with state offline, subscriptions to announce/all, announce/<group>, config/<group>/+ and rollout/<group>,
// a retained status at connect and then every 60 s (the real rate), spread evenly over the minute. The broker runs
// pinned to core 0, the simulation to core 1. Measured: the broker's CPU (utime+stime from /proc) and RSS over one
// full status minute in steady state, and the time from publishing an announcement to announce/all until each
// simulated mirror has it (one clock: publisher and receivers are in this process).
//
//   node fleet-sim.mjs [--mirrors 1000] [--groups 10] [--announcements 10] [--window 60] [--tls]
//
// --tls: the broker listens with TLS 1.2+ (a throw-away EC P-256 certificate made with openssl), as a campus runs it.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1] && !all[i + 1].startsWith('--') ? all[i + 1] : 'true']);
    return pairs;
}, []));
const MIRRORS = Number(args.mirrors ?? 1000);
const GROUPS = Number(args.groups ?? 10);
const ANNOUNCEMENTS = Number(args.announcements ?? 10);
const WINDOW_S = Number(args.window ?? 60);
const STATUS_S = 60;
const TLS = args.tls === 'true';
const PREFIX = 'campusmirror';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
    return new Promise((resolve) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

function procStat(pid) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(status.match(new RegExp(`${name}:\\s+(\\d+)`))[1]);
    return { ticks, rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
}

function statusOf(id, group, state, started) {
    return JSON.stringify({
        state, mirrorId: id, version: '0.1.0.sim', uptimeSeconds: Math.round((Date.now() - started) / 1000),
        name: `Simulated ${id}`, location: `Building ${group}`, groups: ['all', group],
        widgets: { ok: 7, stale: 0, error: 0 }, widgetsInError: [], displays: 1, time: new Date().toISOString(),
    });
}

function percentile(sorted, p) {
    return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const folder = mkdtempSync(join(tmpdir(), 'fleet-sim-'));
const port = await freePort();
const tlsLines = [];
if (TLS) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
        '-keyout', join(folder, 'broker.key'), '-out', join(folder, 'broker.pem'), '-days', '1', '-subj', '/CN=127.0.0.1',
        '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    tlsLines.push(`cafile ${join(folder, 'broker.pem')}`, `certfile ${join(folder, 'broker.pem')}`,
        `keyfile ${join(folder, 'broker.key')}`, 'tls_version tlsv1.2');
}
writeFileSync(join(folder, 'mosquitto.conf'), [
    'user root', 'allow_anonymous true', 'persistence false', 'max_keepalive 65535', 'log_dest none',
    `listener ${port} 127.0.0.1`, ...tlsLines, 'max_connections -1', ''].join('\n'));
const broker = spawn('taskset', ['-c', '0', '/usr/sbin/mosquitto', '-c', join(folder, 'mosquitto.conf')],
    { stdio: 'ignore' });
let brokerPid;
for (let i = 0; i < 50 && !brokerPid; i++) {
    await sleep(100);
    try {
        brokerPid = Number(execFileSync('pgrep', ['-P', String(broker.pid)]).toString().trim()) || undefined;
    } catch { /* taskset execs mosquitto in place: same pid */ }
    if (!brokerPid) {
        try { if (readFileSync(`/proc/${broker.pid}/comm`, 'utf8').trim() === 'mosquitto') brokerPid = broker.pid; } catch { }
    }
}
execFileSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });
const cleanup = () => { try { broker.kill('SIGKILL'); } catch { } };
process.on('exit', cleanup);

const started = Date.now();
const url = `${TLS ? 'mqtts' : 'mqtt'}://127.0.0.1:${port}`;
const tlsOptions = TLS ? { ca: readFileSync(join(folder, 'broker.pem')) } : {};
const received = new Map(); // announcement id -> array of arrival times (ms, hrtime)
const mirrors = [];
const connectStart = performance.now();
for (let i = 0; i < MIRRORS; i++) {
    const id = `sim-${String(i).padStart(4, '0')}`;
    const group = `g${i % GROUPS}`;
    const client = mqtt.connect(url, {
        ...tlsOptions, protocolVersion: 5, clientId: id, keepalive: 30, clean: true, reconnectPeriod: 0,
        will: { topic: `${PREFIX}/mirrors/${id}/status`, payload: statusOf(id, group, 'offline', started), qos: 1, retain: true },
    });
    client.on('message', (topic, payload) => {
        if (!topic.startsWith(`${PREFIX}/announce/`) || payload.length === 0) return;
        const now = performance.now();
        const { id: announcement } = JSON.parse(payload.toString());
        if (!received.has(announcement)) received.set(announcement, []);
        received.get(announcement).push(now);
    });
    client.on('connect', () => {
        client.subscribe([`${PREFIX}/announce/all`, `${PREFIX}/announce/${group}`, `${PREFIX}/config/${group}/+`,
            `${PREFIX}/rollout/${group}`], { qos: 1 });
        client.publish(`${PREFIX}/mirrors/${id}/status`, statusOf(id, group, 'online', started), { qos: 1, retain: true });
    });
    mirrors.push({ id, group, client });
    if (i % 100 === 99) await sleep(100); // a campus switching on, not a SYN flood
}
while (mirrors.some((m) => !m.client.connected)) {
    if (performance.now() - connectStart > 120_000) throw new Error('not every simulated mirror connected in 120 s');
    await sleep(100);
}
const connectSeconds = (performance.now() - connectStart) / 1000;
// The real rate: every mirror refreshes its status once a minute, the fleet spread over the minute.
mirrors.forEach((m, i) => {
    const publish = () => m.client.publish(`${PREFIX}/mirrors/${m.id}/status`, statusOf(m.id, m.group, 'online', started),
        { qos: 1, retain: true });
    m.timer = setTimeout(function tick() { publish(); m.timer = setTimeout(tick, STATUS_S * 1000); },
        (i / MIRRORS) * STATUS_S * 1000);
});
await sleep(5000);

// Announcements to all, spread over the window, while the statuses keep coming.
const admin = mqtt.connect(url, { ...tlsOptions, protocolVersion: 5, clientId: 'sim-admin', clean: true });
await new Promise((resolve) => admin.on('connect', resolve));
const before = procStat(brokerPid);
const windowStart = performance.now();
const sent = new Map();
for (let k = 0; k < ANNOUNCEMENTS; k++) {
    await sleep((WINDOW_S * 1000) / (ANNOUNCEMENTS + 1));
    const id = `a${k}`;
    const payload = JSON.stringify({ id, text: { de: `Durchsage ${k}`, en: `Announcement ${k}` }, priority: 'normal' });
    sent.set(id, performance.now());
    admin.publish(`${PREFIX}/announce/all`, payload, { qos: 1, retain: true });
}
const rest = WINDOW_S * 1000 - (performance.now() - windowStart);
if (rest > 0) await sleep(rest);
const after = procStat(brokerPid);
const windowSeconds = (performance.now() - windowStart) / 1000;
const hz = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

const latencies = [];
let complete = 0;
for (const [id, at] of sent) {
    const arrivals = received.get(id) ?? [];
    if (arrivals.length === MIRRORS) complete++;
    arrivals.forEach((t) => latencies.push(t - at));
}
latencies.sort((a, b) => a - b);
const cpu = ((after.ticks - before.ticks) / hz) / windowSeconds * 100;
const lines = [
    `| figure | value |`,
    `| --- | --- |`,
    `| simulated mirrors (MQTT 5 ${TLS ? 'over TLS' : 'plain'}, ${GROUPS} groups, keep-alive 30 s, retained will) | ${MIRRORS}, all connected after ${connectSeconds.toFixed(1)} s |`,
    `| status rate (retained, once a minute each) | ${(MIRRORS / STATUS_S).toFixed(1)} messages/s |`,
    `| broker CPU over ${windowSeconds.toFixed(0)} s of steady state (statuses, keep-alives, ${ANNOUNCEMENTS} announcements) | ${cpu.toFixed(2)} % of one core |`,
    `| broker RSS at the end / peak (VmRSS / VmHWM) | ${(after.rssKb / 1024).toFixed(1)} MB / ${(after.hwmKb / 1024).toFixed(1)} MB |`,
    `| announcement to all: publish to arrival at each simulated mirror, ${latencies.length} samples | p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms |`,
    `| announcements that reached every simulated mirror | ${complete} of ${ANNOUNCEMENTS} |`,
];
console.log(lines.join('\n'));
// mosquitto -h prints its version and exits 3.
const version = spawnSync('/usr/sbin/mosquitto', ['-h']).stdout.toString().split('\n')[0].trim();
console.log(`\n${version}; node ${process.version}; ` +
    `broker on core 0, simulation on core 1; load average at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
mirrors.forEach((m) => { clearTimeout(m.timer); m.client.end(true); });
admin.end(true);
cleanup();
process.exit(complete === ANNOUNCEMENTS ? 0 : 1);
