// The two reference servers behave the same on /echo and /broadcast, as the Campus Mirror
// contract says (DESIGN.md, "test endpoints"), so the benchmark compares like with like.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { nettyMissing, referenceServers, serverPair, startServer } from './support.mjs';

function connect(url, options = { perMessageDeflate: false }) {
    return new Promise((resolve, reject) => {
        const socket = new WebSocket(url, options);
        socket.once('open', () => resolve(socket));
        socket.once('error', reject);
        socket.once('unexpected-response', (req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
}

function nextMessage(socket) {
    return new Promise((resolve) => socket.once('message', (data, isBinary) => resolve({ data, isBinary })));
}

for (const kind of ['ws', 'netty']) {
    const skip = kind === 'netty' ? nettyMissing() : false;

    describe(`${kind} reference server`, { skip, timeout: 60_000 }, () => {
        const servers = serverPair(kind);
        let plain;
        let deflating;
        before(async () => ({ plain, deflating } = await servers.start()));
        after(() => servers.stop());

        test('echoes text as text and binary as binary, byte for byte', async () => {
            const socket = await connect(`ws://127.0.0.1:${plain.port}/echo`);
            for (const size of [0, 100, 70_000]) {
                const text = Buffer.from('é'.repeat(size / 2));
                socket.send(text, { binary: false });
                const echoed = await nextMessage(socket);
                assert.equal(echoed.isBinary, false);
                assert.ok(echoed.data.equals(text));
                const binary = Buffer.alloc(size, 0xfe);
                socket.send(binary, { binary: true });
                const back = await nextMessage(socket);
                assert.equal(back.isBinary, true);
                assert.ok(back.data.equals(binary));
            }
            socket.close();
        });

        test('broadcast reaches every connection on /broadcast, the sender included, and no one else', async () => {
            const receivers = await Promise.all([0, 1, 2].map(() => connect(`ws://127.0.0.1:${plain.port}/broadcast`)));
            const bystander = await connect(`ws://127.0.0.1:${plain.port}/echo`);
            let bystanderGot = 0;
            bystander.on('message', () => { bystanderGot++; });
            const arrivals = receivers.map(nextMessage);
            receivers[1].send('to everyone');
            for (const got of await Promise.all(arrivals)) {
                assert.equal(got.data.toString(), 'to everyone');
                assert.equal(got.isBinary, false);
            }
            bystander.send('ping-through-echo');
            await nextMessage(bystander);
            assert.equal(bystanderGot, 1, 'the /echo connection got only its own echo');
            for (const socket of [...receivers, bystander]) socket.close();
        });

        test('an unknown path is refused with 404', async () => {
            await assert.rejects(connect(`ws://127.0.0.1:${plain.port}/nope`), /HTTP 404/);
        });

        test('permessage-deflate is off unless the server is started with --deflate', async () => {
            const offered = { perMessageDeflate: { threshold: 0 } };
            const off = await connect(`ws://127.0.0.1:${plain.port}/echo`, offered);
            assert.equal(off.extensions, '');
            off.close();
            const on = await connect(`ws://127.0.0.1:${deflating.port}/echo`, offered);
            assert.match(on.extensions, /permessage-deflate/);
            const big = Buffer.from('{"widget":"canteen","menu":["Pasta","Salat"]},'.repeat(400));
            on.send(big);
            const echoed = await nextMessage(on);
            assert.ok(echoed.data.equals(big));
            on.close();
        });
    });
}

describe('ws reference server uses the native kernels', { timeout: 30_000 }, () => {
    test('bufferutil unmasks client frames; UTF-8 checks come from Node itself', async () => {
        const server = await startServer(referenceServers.ws(['--count-native']));
        try {
            const socket = await connect(`ws://127.0.0.1:${server.port}/echo`);
            for (let i = 0; i < 10; i++) {
                socket.send(Buffer.alloc(64, 0x41)); // >= 32 bytes: ws hands unmasking to bufferutil
                await nextMessage(socket);
            }
            socket.close();
            const stats = await new Promise((resolve, reject) => {
                http.get(`http://127.0.0.1:${server.port}/stats`, (res) => {
                    let body = '';
                    res.on('data', (d) => { body += d; });
                    res.on('end', () => resolve(JSON.parse(body)));
                }).on('error', reject);
            });
            assert.equal(stats.native.bufferutil, 'loaded');
            assert.equal(stats.native.maskUsed, 'bufferutil');
            assert.ok(stats.nativeCalls.unmask >= 10, `bufferutil.unmask called ${stats.nativeCalls.unmask} times`);
            assert.equal(stats.native['utf-8-validate'], 'loaded');
            // ws 8 prefers buffer.isUtf8 (Node >= 18.14) over utf-8-validate; both are native code.
            assert.match(stats.native.utf8Used, /isUtf8|utf-8-validate/);
        } finally {
            await server.stop();
        }
    });
});
