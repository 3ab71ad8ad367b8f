import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WebSocketServer } from 'ws';
import { BENCH_DIR } from '../harness/servers.mjs';
import { referenceServers, runTool, startServer } from './support.mjs';

const CLIENT = path.join(BENCH_DIR, 'clients/closed-loop.mjs');

describe('closed-loop ws client', { timeout: 60_000 }, () => {
    let server;
    before(async () => { server = await startServer(referenceServers.ws()); });
    after(async () => { await server?.stop(); });

    test('as fast as it can: every echo in the window is counted and timed', async () => {
        const run = await runTool('node', [CLIENT, '--url', `ws://127.0.0.1:${server.port}/echo`, '--conns', '10', '--size', '32', '--warmup', '0.3', '--duration', '1']);
        assert.equal(run.code, 0, run.stderr);
        assert.match(run.stdout, /^MEASURE_START$/m);
        const r = run.result;
        assert.ok(r.messages > 100, `${r.messages} messages`);
        assert.equal(r.latency_us.samples, r.messages);
        assert.ok(r.latency_us.p50 > 0 && r.latency_us.p50 <= r.latency_us.p99);
    });

    test('at a fixed rate it holds back: no more than the rate asked', async () => {
        // Unpaced, this client does thousands of msg/s against ws; paced at 400 it must not exceed it.
        const run = await runTool('node', [CLIENT, '--url', `ws://127.0.0.1:${server.port}/echo`, '--conns', '10', '--size', '32', '--rate', '400', '--warmup', '0.5', '--duration', '2']);
        assert.equal(run.code, 0, run.stderr);
        assert.equal(run.result.rate, 400);
        assert.ok(run.result.messages > 0);
        assert.ok(run.result.msgs_per_sec <= 440, `${run.result.msgs_per_sec} msg/s for 400 asked`);
        assert.equal(typeof run.result.late_sends, 'number');
    });

    test('deflate asked of a server without it is an error', async () => {
        const run = await runTool('node', [CLIENT, '--url', `ws://127.0.0.1:${server.port}/echo`, '--conns', '1', '--deflate', '--warmup', '0', '--duration', '0.2']);
        assert.equal(run.code, 1);
        assert.match(run.stderr, /did not accept permessage-deflate/);
    });

    test('a wrong echo fails the run', async () => {
        const wss = await new Promise((resolve) => {
            const s = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => resolve(s));
            s.on('connection', (socket) => socket.on('message', (data) => socket.send(Buffer.concat([data, Buffer.from('!')]))));
        });
        try {
            const run = await runTool('node', [CLIENT, '--url', `ws://127.0.0.1:${wss.address().port}/echo`, '--conns', '1', '--warmup', '0', '--duration', '0.5']);
            assert.equal(run.code, 1);
            assert.match(run.stderr, /echo differs/);
        } finally {
            wss.close();
        }
    });
});
