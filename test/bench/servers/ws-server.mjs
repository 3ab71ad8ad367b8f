// Reference server on the Node `ws` library: /echo and /broadcast as the Campus Mirror contract
// defines them (DESIGN.md, "test endpoints"). Deliberately written the way the `ws` README does it,
// so the figures show `ws` as people run it.
//
//   node servers/ws-server.mjs --port 9001 [--deflate] [--deflate-threshold 0] [--count-native]
//                              [--max-seconds 900]
import { createRequire } from 'node:module';
import http from 'node:http';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);

const { values: opts } = parseArgs({
    options: {
        port: { type: 'string', default: '9001' },
        host: { type: 'string', default: '127.0.0.1' },
        deflate: { type: 'boolean', default: false },
        // ws compresses only messages >= 1024 bytes by default; Netty compresses every message.
        // 0 makes both compress everything, so the deflate scenarios compare the same work.
        'deflate-threshold': { type: 'string', default: '0' },
        'max-payload': { type: 'string', default: String(16 * 1024 * 1024) },
        // Wraps bufferutil's kernels with call counters (costs a little; for checks, not runs).
        'count-native': { type: 'boolean', default: false },
        // Safety net: the process ends by itself even if whoever started it dies.
        'max-seconds': { type: 'string', default: '900' },
    },
});

const nativeCalls = { mask: 0, unmask: 0 };
const native = describeNativeKernels(opts['count-native']);
const { WebSocketServer, WebSocket } = await import('ws');

const perMessageDeflate = opts.deflate ? { threshold: Number(opts['deflate-threshold']) } : false;
const maxPayload = Number(opts['max-payload']);
const echo = new WebSocketServer({ noServer: true, perMessageDeflate, maxPayload });
const broadcast = new WebSocketServer({ noServer: true, perMessageDeflate, maxPayload });

echo.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
    socket.on('error', () => socket.terminate());
});

broadcast.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => {
        for (const client of broadcast.clients) {
            if (client.readyState === WebSocket.OPEN) {
                client.send(data, { binary: isBinary });
            }
        }
    });
    socket.on('error', () => socket.terminate());
});

const routes = new Map([['/echo', echo], ['/broadcast', broadcast]]);

const server = http.createServer((req, res) => {
    if (req.url === '/stats') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ native, nativeCalls, echo: echo.clients.size, broadcast: broadcast.clients.size }));
        return;
    }
    res.writeHead(426, { 'content-type': 'text/plain' });
    res.end('WebSocket endpoints: /echo, /broadcast\n');
});

server.on('upgrade', (req, socket, head) => {
    const target = routes.get(new URL(req.url, 'http://localhost').pathname);
    if (!target) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
    }
    target.handleUpgrade(req, socket, head, (ws) => target.emit('connection', ws, req));
});

server.listen(Number(opts.port), opts.host, () => {
    const { port } = server.address();
    console.log(`native kernels: ${JSON.stringify(native)}`);
    console.log(`ws reference ready on port ${port} (ws ${require('ws/package.json').version}, `
        + `node ${process.version}, deflate ${opts.deflate ? 'on' : 'off'})`);
});

const lifetime = setTimeout(() => {
    console.error(`ws reference: max-seconds ${opts['max-seconds']} reached, exiting`);
    process.exit(3);
}, Number(opts['max-seconds']) * 1000);
lifetime.unref();

for (const signal of ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => process.exit(0));
}

/**
 * Tells which byte kernels `ws` will use, by the same rules `ws` 8 applies when it loads:
 * masking from `http.websocketMask` if Node has it, else `bufferutil`; UTF-8 checks from
 * `buffer.isUtf8` if Node has it (18.14+), else `utf-8-validate`.
 */
function describeNativeKernels(countCalls) {
    const nodeMask = typeof require('node:http').websocketMask === 'function';
    const nodeUtf8 = typeof require('node:buffer').isUtf8 === 'function';
    let bufferutil = 'missing';
    try {
        const kernels = require('bufferutil');
        bufferutil = 'loaded';
        if (countCalls) {
            // ws calls bufferUtil.mask/unmask through this same module object, so wrapping
            // its properties before ws loads counts every native call ws makes.
            const { mask, unmask } = kernels;
            kernels.mask = (...args) => { nativeCalls.mask++; return mask(...args); };
            kernels.unmask = (...args) => { nativeCalls.unmask++; return unmask(...args); };
        }
    } catch (err) {
        bufferutil = `missing (${err.code})`;
    }
    let utf8Validate = 'missing';
    try {
        require('utf-8-validate');
        utf8Validate = 'loaded';
    } catch (err) {
        utf8Validate = `missing (${err.code})`;
    }
    return {
        bufferutil,
        'utf-8-validate': utf8Validate,
        maskUsed: nodeMask ? 'node:http websocketMask' : bufferutil === 'loaded' ? 'bufferutil' : 'javascript',
        utf8Used: nodeUtf8 ? 'node:buffer isUtf8' : utf8Validate === 'loaded' ? 'utf-8-validate' : 'javascript',
    };
}
