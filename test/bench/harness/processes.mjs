// Child processes of a benchmark run: pinned with taskset, bounded by timeout, their output logged
// and watched line by line; and the small waits around them. Shared by run.mjs and capacity.mjs.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { firstChild } from './procstat.mjs';

/**
 * A launcher whose processes log into logDir and run under `nice -n nice` when nice is not 0. Every live
 * child is in the returned `live` set, for killing on exit.
 */
export function launcher({ logDir, nice = 0 }) {
    const live = new Set();
    const stopAll = () => {
        for (const child of live) {
            try {
                child.kill('SIGKILL');
            } catch {
                // already gone
            }
        }
    };

    /**
     * Starts `timeout -k 5 LIMIT taskset CORE CMD...`: pinned, and ended by the kernel's clock even if
     * this script dies. The measured process is timeout's child (taskset execs the command).
     */
    function launch(role, tag, tasksetArgs, limitSeconds) {
        // nice and taskset both exec, so timeout's child is the measured process itself.
        const niceness = Number(nice) ? ['nice', '-n', String(Number(nice))] : [];
        const child = spawn('timeout', ['-k', '5', String(limitSeconds), ...niceness, 'taskset', ...tasksetArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
        live.add(child);
        const log = createWriteStream(path.join(logDir, `${tag}-${role}.log`));
        const lines = [];
        const listeners = [];
        let exitCode = null;
        const exited = new Promise((resolve) => child.on('exit', (code, signal) => {
            exitCode = code ?? 128;
            live.delete(child);
            resolve(code ?? `signal ${signal}`);
        }));
        for (const stream of [child.stdout, child.stderr]) {
            readline.createInterface({ input: stream }).on('line', (line) => {
                log.write(`${line}\n`);
                lines.push(line);
                if (lines.length > 40) lines.shift();
                for (const listener of listeners) listener(line);
            });
        }
        return {
            exited,
            exitCode: () => exitCode,
            tail: () => lines.slice(-6).join(' / '),
            onLine: (fn) => listeners.push(fn),
            waitForLine(pattern, timeoutMs) {
                return new Promise((resolve, reject) => {
                    const timer = setTimeout(() => reject(new Error(`${role} not ready within ${timeoutMs / 1000} s`)), timeoutMs);
                    listeners.push((line) => {
                        if (pattern.test(line)) {
                            clearTimeout(timer);
                            resolve(line);
                        }
                    });
                    exited.then((code) => {
                        clearTimeout(timer);
                        reject(new Error(`${role} exited (${code}) before it was ready`));
                    });
                });
            },
            async pid() {
                for (let i = 0; i < 200; i++) {
                    const pid = firstChild(child.pid);
                    if (pid) return pid;
                    if (exitCode !== null) break;
                    await sleep(10);
                }
                throw new Error(`${role}: could not find the process under timeout (pid ${child.pid})`);
            },
            async stop() {
                if (exitCode === null) {
                    child.kill('SIGTERM'); // timeout passes it on to the command
                    const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
                    if (!done) child.kill('SIGKILL');
                }
                await exited;
                log.end();
            },
        };
    }
    return { launch, live, stopAll };
}

export async function waitForPort(port, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        const open = await new Promise((resolve) => {
            const socket = net.connect(port, '127.0.0.1');
            socket.once('connect', () => { socket.destroy(); resolve(true); });
            socket.once('error', () => resolve(false));
        });
        if (open) return;
        await sleep(100);
    }
    throw new Error(`nothing listens on WebSocket port ${port} ${timeoutMs / 1000} s after the ready line`);
}

export function freePort() {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

export function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
