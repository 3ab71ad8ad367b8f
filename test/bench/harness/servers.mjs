// The servers the harness can measure, and how each is started. Every server is started fresh
// for each scenario (so its peak RSS belongs to that scenario), pinned to core 0, listening on
// loopback, and must print a ready line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const BENCH_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const REPO_DIR = path.resolve(BENCH_DIR, '../..');

/** Used only if bin/mirror (where the project keeps its Pi JVM options) cannot tell us. */
export const FALLBACK_OURS_JVM_OPTS = '-Xmx64m -XX:+UseSerialGC';

/** The JVM options the project recommends for the Pi, from `bin/mirror --print-java-opts`. */
export function recommendedOursJvmOpts() {
    const launcher = path.join(REPO_DIR, 'bin/mirror');
    if (existsSync(launcher)) {
        const probe = spawnSync(launcher, ['--print-java-opts'], { encoding: 'utf8', timeout: 10_000 });
        if (probe.status === 0 && probe.stdout.trim()) return { opts: probe.stdout.trim(), source: 'bin/mirror --print-java-opts' };
    }
    return { opts: FALLBACK_OURS_JVM_OPTS, source: 'fallback (bin/mirror not found)' };
}

function words(text) {
    return text ? text.trim().split(/\s+/).filter(Boolean) : [];
}

/**
 * @param settings {{ oursJar: string, oursCmd: string|null, oursReady: string, oursJvmOpts: string,
 *                   nettyJvmOpts: string, nettyTransport: string, wsNodeOpts: string }}
 */
export function serverDefinitions(settings) {
    const nettyJar = path.join(BENCH_DIR, 'netty-echo/target/netty-echo.jar');
    const tcpEcho = path.join(BENCH_DIR, 'target/loadgen/tcp-echo');
    return {
        ours: {
            label: 'ours',
            options: settings.oursCmd ? `command: ${settings.oursCmd}`
                : `JVM: ${settings.oursJvmOpts || '(none)'} (from ${settings.oursJvmSource}), ${settings.oursJar}`,
            ready: new RegExp(settings.oursReady),
            missing: () => (settings.oursCmd || existsSync(settings.oursJar) ? null
                : `${settings.oursJar} not found: build it with 'mvn -B package -DskipTests' at the repository root`),
            command({ port, httpPort, deflate, home }) {
                if (settings.oursCmd) {
                    const line = settings.oursCmd.replaceAll('{port}', String(port))
                        .replaceAll('{deflate}', String(deflate)).replaceAll('{home}', home)
                        .replaceAll('{httpPort}', String(httpPort));
                    const [cmd, ...args] = words(line);
                    return { cmd, args };
                }
                return {
                    cmd: 'java',
                    args: [...words(settings.oursJvmOpts), '-Dmirror.ws.echo=true', `-Dmirror.ws.port=${port}`,
                        `-Dmirror.ws.deflate=${deflate}`, `-Dmirror.http.port=${httpPort}`, `-Dmirror.home=${home}`,
                        '-Dmirror.https.port=0', '-Dmirror.admin.password=bench-only-not-secret', '-jar', settings.oursJar],
                };
            },
        },
        ws: {
            label: 'ws',
            options: `node ${process.version}${settings.wsNodeOpts ? ` ${settings.wsNodeOpts}` : ''}, ws + bufferutil`,
            ready: /ws reference ready on port/,
            missing: () => (existsSync(path.join(BENCH_DIR, 'node_modules/ws')) ? null : 'node_modules missing: run npm ci in test/bench/'),
            command({ port, deflate, maxSeconds }) {
                return {
                    cmd: 'node',
                    args: [...words(settings.wsNodeOpts), path.join(BENCH_DIR, 'servers/ws-server.mjs'), '--port', String(port),
                        '--max-seconds', String(maxSeconds), ...(deflate ? ['--deflate'] : [])],
                };
            },
        },
        netty: {
            label: 'netty',
            options: `JVM: ${settings.nettyJvmOpts || '(defaults)'}, transport ${settings.nettyTransport}, 1 I/O thread`,
            ready: /netty reference ready on port/,
            missing: () => (existsSync(nettyJar) ? null : `${nettyJar} not found: mvn -f test/bench/netty-echo/pom.xml package`),
            command({ port, deflate, maxSeconds }) {
                return {
                    cmd: 'java',
                    args: [...words(settings.nettyJvmOpts), '-jar', nettyJar, '--port', String(port), '--max-seconds',
                        String(maxSeconds), '--transport', settings.nettyTransport, ...(deflate ? ['--deflate'] : [])],
                };
            },
        },
        'tcp-echo': {
            label: 'raw TCP echo',
            options: 'C, epoll, echoes bytes, no WebSocket',
            ready: /tcp-echo ready on port/,
            missing: () => (existsSync(tcpEcho) ? null : `${tcpEcho} not found: make -C test/bench/loadgen`),
            command({ port, maxSeconds }) {
                return { cmd: tcpEcho, args: [String(port), String(maxSeconds)] };
            },
        },
    };
}
