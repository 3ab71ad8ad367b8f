// The open-loop generator: it must count what really came back. Verify mode checks every echoed
// byte (inflating compressed echoes), so these tests also show that the byte-count and
// frame-count paths see well-formed echoes of exactly the frames sent.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { WebSocketServer } from 'ws';
import { buildLoadgen, nettyMissing, runTool, serverPair, startServer, TCP_ECHO, WSLOAD } from './support.mjs';

const buildProblem = buildLoadgen();

/** A WebSocket server that echoes with the last byte changed: a broken peer wsload must catch. */
function corruptingServer() {
    return new Promise((resolve) => {
        const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => resolve(wss));
        wss.on('connection', (socket) => socket.on('message', (data, isBinary) => {
            const copy = Buffer.from(data);
            if (copy.length) copy[copy.length - 1] ^= 0x01;
            socket.send(copy, { binary: isBinary });
        }));
    });
}

for (const kind of ['ws', 'netty']) {
    describe(`wsload --verify against ${kind}`, { skip: buildProblem ?? (kind === 'netty' ? nettyMissing() : false), timeout: 120_000 }, () => {
        const servers = serverPair(kind);
        let plain;
        let deflating;
        before(async () => ({ plain, deflating } = await servers.start()));
        after(() => servers.stop());

        for (const size of [0, 32, 125, 126, 16384, 65536]) {
            test(`echo of ${size}-byte text messages arrives intact`, async () => {
                const run = await runTool(WSLOAD, ['--port', String(plain.port), '--conns', '5', '--size', String(size), '--verify', '200']);
                assert.equal(run.code, 0, run.stderr);
                assert.equal(run.result.messages_checked, 1000);
                assert.equal(run.result.compressed, 0);
            });
        }

        test('binary echoes stay binary', async () => {
            const run = await runTool(WSLOAD, ['--port', String(plain.port), '--conns', '3', '--size', '300', '--binary', '--verify', '100']);
            assert.equal(run.code, 0, run.stderr);
            assert.equal(run.result.messages_checked, 300);
        });

        test('permessage-deflate: compressed echoes inflate to the message sent', async () => {
            for (const size of [32, 16384]) {
                const run = await runTool(WSLOAD, ['--port', String(deflating.port), '--deflate', '--conns', '5', '--size', String(size), '--verify', '200']);
                assert.equal(run.code, 0, run.stderr);
                assert.match(run.result.extensions, /permessage-deflate/);
                assert.equal(run.result.messages_checked, 1000);
                assert.equal(run.result.compressed, 1000, 'the server compressed every echo');
            }
        });

        test('broadcast: every connection receives every message of every sender', async () => {
            const run = await runTool(WSLOAD, ['--port', String(plain.port), '--mode', 'broadcast', '--conns', '20', '--senders', '2', '--size', '64', '--verify', '100']);
            assert.equal(run.code, 0, run.stderr);
            assert.equal(run.result.messages_checked, 20 * 2 * 100);
        });

        test('a timed run reports a rate and latencies from the measurement window', async () => {
            const run = await runTool(WSLOAD, ['--port', String(plain.port), '--conns', '10', '--size', '32', '--warmup', '0.3', '--duration', '1']);
            assert.equal(run.code, 0, run.stderr);
            assert.match(run.stdout, /^MEASURE_START$/m);
            assert.match(run.stdout, /^MEASURE_END$/m);
            const r = run.result;
            assert.ok(r.msgs_per_sec > 0 && r.messages > 0);
            assert.ok(r.seconds >= 0.99 && r.seconds < 2, `window ${r.seconds} s for --duration 1`);
            assert.equal(r.count, 'bytes');
            assert.ok(r.latency_us.samples > 0 && r.latency_us.p50 > 0 && r.latency_us.p50 <= r.latency_us.p99);
        });

        test('a timed deflate run counts compressed echoes by frame headers', async () => {
            const run = await runTool(WSLOAD, ['--port', String(deflating.port), '--deflate', '--conns', '10', '--size', '16384', '--warmup', '0.3', '--duration', '1']);
            assert.equal(run.code, 0, run.stderr);
            assert.equal(run.result.count, 'frames');
            assert.ok(run.result.msgs_per_sec > 0);
            // Compressed echoes are smaller than the messages: bytes/s over messages/s shows it.
            const bytesPerEcho = (run.result.rx_mbit_per_sec * 1e6) / 8 / run.result.msgs_per_sec;
            assert.ok(bytesPerEcho < 16384 / 2, `${bytesPerEcho} bytes per echo`);
        });

        test('deflate asked of a server that does not offer it is an error, not a silent plain run', async () => {
            const run = await runTool(WSLOAD, ['--port', String(plain.port), '--deflate', '--conns', '1', '--verify', '1']);
            assert.equal(run.code, 1);
            assert.match(run.stderr, /did not accept permessage-deflate/);
        });

        test('a refused upgrade is reported with its status line', async () => {
            const run = await runTool(WSLOAD, ['--port', String(plain.port), '--path', '/nope', '--conns', '1', '--verify', '1']);
            assert.equal(run.code, 1);
            assert.match(run.stderr, /upgrade refused: HTTP\/1.1 404/);
        });
    });
}

describe('wsload catches bad peers', { skip: buildProblem ?? false, timeout: 60_000 }, () => {
    test('an echo that differs by one bit fails verification', async () => {
        const wss = await corruptingServer();
        try {
            const run = await runTool(WSLOAD, ['--port', String(wss.address().port), '--conns', '1', '--size', '32', '--verify', '10']);
            assert.equal(run.code, 1);
            assert.match(run.stderr, /echo differs from what was sent/);
        } finally {
            wss.close();
        }
    });

    test('nothing listening: a clear connect error', async () => {
        const wss = await corruptingServer();
        const port = wss.address().port;
        await new Promise((resolve) => wss.close(resolve));
        const run = await runTool(WSLOAD, ['--port', String(port), '--conns', '1', '--verify', '1']);
        assert.equal(run.code, 1);
        assert.match(run.stderr, /connect 127\.0\.0\.1:\d+: Connection refused/);
    });

    test('raw mode against the TCP echo server counts its own frames back', async () => {
        const echo = await startServer([TCP_ECHO, ['0', '60']]);
        try {
            const run = await runTool(WSLOAD, ['--port', String(echo.port), '--mode', 'raw', '--conns', '10', '--warmup', '0.2', '--duration', '0.5']);
            assert.equal(run.code, 0, run.stderr);
            assert.ok(run.result.msgs_per_sec > 0);
            // Raw mode expects its 38-byte client frames back unchanged: received bytes = 38 per message.
            const bytesPerMessage = (run.result.rx_mbit_per_sec * 1e6) / 8 / run.result.msgs_per_sec;
            assert.ok(Math.abs(bytesPerMessage - 38) < 1, `${bytesPerMessage} bytes per message`);
        } finally {
            await echo.stop();
        }
    });
});
