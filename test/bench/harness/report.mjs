// The markdown report of a run: settings, generator headroom, one row per scenario and server,
// and the ratios ours/ws and ours/netty.
import { describe } from './scenarios.mjs';

const fmtInt = (v) => (v === null || v === undefined ? '—' : Math.round(v).toLocaleString('en-US'));
const fmtUs = (v) => (v === null || v === undefined || v === 0 ? '—' : v >= 100 ? String(Math.round(v)) : v.toFixed(1));
const fmtPct = (v) => (v === null || v === undefined ? '—' : `${Math.round(v)} %`);
const fmtMb = (kb) => (kb === null || kb === undefined ? '—' : String(Math.round(kb / 1024)));

function row(r) {
    if (r.error) return `| ${r.scenario} | ${r.server} | failed: ${shorten(r.error)} | | | | | | | |`;
    return `| ${r.scenario} | ${r.server} | ${fmtInt(r.msgsPerSec)} | ${fmtInt(perServerCpuSecond(r))} | ${fmtUs(r.p50)} | ${fmtUs(r.p99)} | `
        + `${fmtMb(r.vmHwmKb)} | ${fmtPct(r.cpu.server)} | ${fmtPct(r.cpu.client)} | ${r.limiter} |`;
}

/** Messages per CPU-second the server spent: its efficiency, which other load on the machine disturbs less than msg/s. */
function perServerCpuSecond(r) {
    return r.cpu?.server ? r.msgsPerSec / (r.cpu.server / 100) : null;
}

function shorten(text) {
    const flat = text.replaceAll('|', '/').replaceAll('\n', ' ');
    return flat.length > 240 ? `${flat.slice(0, 237)}...` : flat;
}

function ratio(a, b) {
    return a && b ? `${(a / b).toFixed(2)}×` : '—';
}

export function markdown(run) {
    const lines = [];
    lines.push(`# WebSocket benchmark: ${run.servers.join(', ')}`, '');
    lines.push(`- date: ${run.date}; commit ${run.commit}; ${run.host}`);
    lines.push(`- command: \`${run.command}\``);
    lines.push(`- timing: warm-up ${run.timing.warmup} s, measurement ${run.timing.duration} s${run.timing.quick ? ' (quick mode: smoke test, not figures)' : ''}`);
    lines.push(`- payload: ${run.payload}`);
    lines.push(`- pinning: servers on core ${run.cores.server}, load clients on core ${run.cores.client}; every server restarted per scenario${run.nice ? `; all run under nice -n ${run.nice}` : ''}`);
    lines.push(`- load average at start: ${run.loadAverage}`);
    for (const name of run.servers) lines.push(`- ${name}: ${run.serverOptions[name]}`);
    lines.push('- msg/s: echoes per second; for broadcast, deliveries per second (one message received by one client).');
    lines.push('- p50/p99: round-trip latency in µs. Open-loop and broadcast latencies include the queue the generator keeps in flight.');
    lines.push('- RSS: the server\'s peak resident set (VmHWM) during that scenario, MB. CPU: % of one core during the measurement window.');
    lines.push('- msg per server CPU-s: msg/s divided by the server\'s CPU share, i.e. messages per second of server CPU. When other load shares the cores, this efficiency is the steadier figure; msg/s is the one that counts on a quiet machine.');
    lines.push('');
    if (run.headroom.length) {
        lines.push('## Generator headroom (wsload raw mode against a trivial C TCP echo server)', '');
        lines.push('| scenario | msg/s | client CPU | server CPU | generator cost | limiter |', '|---|---|---|---|---|---|');
        for (const r of run.headroom) {
            if (r.error) {
                lines.push(`| ${r.scenario} | failed: ${shorten(r.error)} | | | | |`);
                continue;
            }
            const perMessageNs = r.cpu.client && r.msgsPerSec ? (r.cpu.client / 100 / r.msgsPerSec) * 1e9 : null;
            lines.push(`| ${r.scenario} | ${fmtInt(r.msgsPerSec)} | ${fmtPct(r.cpu.client)} | ${fmtPct(r.cpu.server)} | `
                + `${perMessageNs ? `${perMessageNs.toFixed(0)} ns CPU/msg ⇒ ~${fmtInt(1e9 / perMessageNs)} msg/s per core` : '—'} | ${r.limiter} |`);
        }
        lines.push('');
    }
    lines.push('## Results', '');
    lines.push('| scenario | server | msg/s | msg per server CPU-s | p50 µs | p99 µs | RSS MB | server CPU | client CPU | limiter |');
    lines.push('|---|---|---|---|---|---|---|---|---|---|');
    let last = null;
    for (const r of run.rows) {
        if (last !== r.scenario) lines.push(`| **${r.scenario}** — ${describe(r.scenarioDef)} | | | | | | | | | |`);
        last = r.scenario;
        lines.push(row(r));
    }
    lines.push('');
    if (run.servers.includes('ours')) {
        lines.push('## Ratios ours/ws and ours/netty', '');
        lines.push('| scenario | ours/ws | ours/netty | per CPU-s ours/ws | per CPU-s ours/netty | RSS ours/ws | RSS ours/netty |', '|---|---|---|---|---|---|---|');
        const scenarios = [...new Set(run.rows.map((r) => r.scenario))];
        for (const id of scenarios) {
            const find = (name) => run.rows.find((r) => r.scenario === id && r.server === name && !r.error);
            const ours = find('ours');
            const ws = find('ws');
            const netty = find('netty');
            const eff = (r) => (r ? perServerCpuSecond(r) : null);
            lines.push(`| ${id} | ${ratio(ours?.msgsPerSec, ws?.msgsPerSec)} | ${ratio(ours?.msgsPerSec, netty?.msgsPerSec)} | `
                + `${ratio(eff(ours), eff(ws))} | ${ratio(eff(ours), eff(netty))} | `
                + `${ratio(ours?.vmHwmKb, ws?.vmHwmKb)} | ${ratio(ours?.vmHwmKb, netty?.vmHwmKb)} |`);
        }
        lines.push('');
    } else {
        lines.push('Ratios ours/ws and ours/netty appear when `ours` is in `--servers`.', '');
    }
    return lines.join('\n');
}
