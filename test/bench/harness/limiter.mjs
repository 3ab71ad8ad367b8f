// Names what limited a run, from the CPU the server and the client used in the measurement
// window and the bytes moved. A process at >= 90 % of its core was the limit; a closed loop that
// saturates neither is bound by round trips; a fixed-rate run by its rate.
export const SATURATED_PCT = 90;
// iperf3 on this kind of machine: about 12 Gbit/s one way over loopback (shared/BENCH.md).
export const LOOPBACK_MBIT = 12000;
// Other processes using more than this share of a pinned core make the figure suspect.
export const NOISE_PCT = 15;

export function limiter(scenario, result, cpu) {
    const server = cpu.server ?? 0;
    const client = cpu.client ?? 0;
    let reason;
    if (server >= SATURATED_PCT && server >= client) reason = 'server CPU';
    else if (client >= SATURATED_PCT) reason = 'client CPU';
    else if ((result.rx_mbit_per_sec ?? 0) + (result.tx_mbit_per_sec ?? 0) > 0.6 * LOOPBACK_MBIT) reason = 'loopback bandwidth';
    else if (scenario.kind === 'closed' && scenario.rate) reason = 'offered rate';
    else if (scenario.kind === 'closed') reason = 'round trips (closed loop)';
    else reason = 'neither core saturated';
    const noise = noiseNote(cpu);
    return noise ? `${reason}; ${noise}` : reason;
}

/** Mentions other load on the two pinned cores (other builds, other helpers), if any. */
export function noiseNote(cpu) {
    const others = [];
    if (cpu.cores.cpu0 !== null && cpu.server !== null) {
        const rest = cpu.cores.cpu0 - cpu.server;
        if (rest > NOISE_PCT) others.push(`core 0 +${Math.round(rest)} %`);
    }
    if (cpu.cores.cpu1 !== null && cpu.client !== null) {
        const rest = cpu.cores.cpu1 - cpu.client;
        if (rest > NOISE_PCT) others.push(`core 1 +${Math.round(rest)} %`);
    }
    return others.length ? `noisy: other load ${others.join(', ')}` : '';
}
