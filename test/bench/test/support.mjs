// Starts and stops the processes the tests talk to. Everything binds to loopback, gets a port
// from the kernel, and is killed after the test (and by its own max-seconds if a test dies).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { BENCH_DIR } from '../harness/servers.mjs';

export const WSLOAD = path.join(BENCH_DIR, 'target/loadgen/wsload');
export const TCP_ECHO = path.join(BENCH_DIR, 'target/loadgen/tcp-echo');
export const NETTY_JAR = path.join(BENCH_DIR, 'netty-echo/target/netty-echo.jar');

/** Builds the C tools once (make is incremental); returns why they cannot be built, or null. */
export function buildLoadgen() {
    const made = spawnSync('make', ['-s', '-C', path.join(BENCH_DIR, 'loadgen')], { encoding: 'utf8' });
    return made.status === 0 ? null : `make failed: ${made.stderr}`;
}

export const referenceServers = {
    ws: (flags = []) => ['node', [path.join(BENCH_DIR, 'servers/ws-server.mjs'), '--port', '0', '--max-seconds', '120', ...flags]],
    netty: (flags = []) => ['java', ['-jar', NETTY_JAR, '--port', '0', '--max-seconds', '120', ...flags]],
};

export function nettyMissing() {
    return existsSync(NETTY_JAR) ? false : `${NETTY_JAR} not built (mvn -f test/bench/netty-echo/pom.xml package)`;
}

/** A reference server of one kind twice: deflate off (its default) and on. */
export function serverPair(kind) {
    const started = [];
    return {
        async start() {
            const plain = await startServer(referenceServers[kind]());
            started.push(plain);
            const deflating = await startServer(referenceServers[kind](['--deflate']));
            started.push(deflating);
            return { plain, deflating };
        },
        stop: () => Promise.all(started.map((server) => server.stop())),
    };
}

/** Spawns a server and resolves once it prints "ready on port N". */
export function startServer([cmd, args]) {
    return new Promise((resolve, reject) => {
        const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        const output = [];
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`not ready in 30 s: ${output.join(' / ')}`));
        }, 30_000);
        for (const stream of [child.stdout, child.stderr]) {
            readline.createInterface({ input: stream }).on('line', (line) => {
                output.push(line);
                const match = line.match(/ready on port (\d+)/);
                if (match) {
                    clearTimeout(timer);
                    resolve({
                        port: Number(match[1]),
                        output,
                        stop: () => new Promise((done) => {
                            if (child.exitCode !== null) return done();
                            child.once('exit', () => done());
                            child.kill('SIGTERM');
                        }),
                    });
                }
            });
        }
        child.once('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`exited with ${code} before ready: ${output.join(' / ')}`));
        });
    });
}

/** Runs a tool to completion; returns { code, stdout, stderr, result } where result is the RESULT JSON. */
export function runTool(cmd, args, timeoutMs = 60_000) {
    return new Promise((resolve) => {
        const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => { stdout += d; });
        child.stderr.on('data', (d) => { stderr += d; });
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('exit', (code) => {
            clearTimeout(timer);
            const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
            resolve({ code, stdout, stderr, result: line ? JSON.parse(line.slice(7)) : null });
        });
    });
}
