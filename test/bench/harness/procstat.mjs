// What the kernel says about a process and the cores: CPU time from /proc/PID/stat, peak RSS from
// /proc/PID/status (VmHWM), per-core busy time from /proc/stat. Used at the edges of the
// measurement window to tell what limited a run.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU seconds (user + system, all threads) the process has used so far, or null if it is gone. */
export function cpuSeconds(pid) {
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // Fields after the command name, which is in parentheses and may contain spaces.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const utime = Number(fields[11]);
        const stime = Number(fields[12]);
        return (utime + stime) / TICKS_PER_SECOND;
    } catch {
        return null;
    }
}

/** A field of /proc/PID/status in kB (VmHWM = peak resident set, VmRSS = current), or null. */
export function statusKb(pid, field) {
    try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const match = status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
        return match ? Number(match[1]) : null;
    } catch {
        return null;
    }
}

/** Number of threads of the process, or null. */
export function threadCount(pid) {
    return statusKb(pid, 'Threads');
}

/** Busy seconds per core (everything but idle and iowait) since boot: { cpu0: s, cpu1: s, ... }. */
export function coreBusySeconds() {
    const busy = {};
    for (const line of readFileSync('/proc/stat', 'utf8').split('\n')) {
        const match = line.match(/^(cpu\d+)\s+(.*)$/);
        if (!match) continue;
        const [user, nice, system, idle, iowait, irq, softirq, steal] = match[2].split(/\s+/).map(Number);
        busy[match[1]] = (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
    }
    return busy;
}

/** The first child of a process (the command `timeout` runs), or null while there is none yet. */
export function firstChild(pid) {
    try {
        const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
        return children ? Number(children.split(/\s+/)[0]) : null;
    } catch {
        return null;
    }
}

/** Takes the readings at one edge of the window. */
/**
 * Follows a load client's MEASURE_START, MEASURE_END and RESULT lines: a snapshot of both processes at each edge of
 * the measured window, and the client's result. Read `first`, `last` and `result` once the client has exited.
 */
export function measurementWindow(load, serverPid, clientPid) {
    const measured = { first: null, last: null, result: null };
    load.onLine((line) => {
        if (line === 'MEASURE_START') measured.first = snapshot(serverPid, clientPid);
        else if (line === 'MEASURE_END') measured.last = snapshot(serverPid, clientPid);
        else if (line.startsWith('RESULT ')) measured.result = JSON.parse(line.slice(7));
    });
    return measured;
}

export function snapshot(serverPid, clientPid) {
    return {
        at: performance.now(),
        server: cpuSeconds(serverPid),
        client: cpuSeconds(clientPid),
        cores: coreBusySeconds(),
    };
}

/** CPU use between two snapshots, in percent of one core. */
export function cpuBetween(first, last) {
    const seconds = (last.at - first.at) / 1000;
    const pct = (a, b) => (a === null || b === null ? null : Math.round(((b - a) / seconds) * 1000) / 10);
    const cores = {};
    for (const core of Object.keys(last.cores)) cores[core] = pct(first.cores[core], last.cores[core]);
    return { seconds, server: pct(first.server, last.server), client: pct(first.client, last.client), cores };
}
