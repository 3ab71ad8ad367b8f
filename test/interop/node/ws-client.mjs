// The npm ws client, driven by a script from the JUnit side:
//   node ws-client.mjs SCRIPT.json
// where the file holds {"url": "ws://127.0.0.1:PORT/echo", "protocols": [...], "options": {...}, "steps": [...]};
// options go to ws's WebSocket constructor (perMessageDeflate, headers, maxPayload, ...). It connects, then
// runs the steps in order and reports every event as one JSON line; it ends with {"event":"done"} (exit 0)
// or {"event":"failure"} (exit 1) when a step could not finish, e.g. an awaited event never came. A connection
// that never opens (refused, or failed by ws during the handshake) runs no step and still ends with "done".
//
// Steps: {"send": {"text": ".."} | {"hex": ".."} | {"generate": {"bytes": N, "pattern": "..", "binary": B}}}
//          with optional "binary" (default: false for text, true for hex), "fin" (false: a fragment, the
//          message goes on with the next send) and "compress" (ws's per-message switch)
//        {"ping": "payload"}   {"close": {"code": N, "reason": ".."}}   {"raw": "hex"} (bytes written as they are)
//        {"await": "message" | "ping" | "pong" | "close"}   waits for the next such event not awaited yet
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { describe, fromHex, generate, report } from './peer.mjs';

const script = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const awaitMillis = script.awaitMillis ?? 20000;

const queues = new Map();
const waiters = new Map();
let closed = false;

function deliver(type, event) {
  const waiter = waiters.get(type);
  if (waiter) {
    waiters.delete(type);
    waiter.resolve(event);
  } else {
    if (!queues.has(type)) queues.set(type, []);
    queues.get(type).push(event);
  }
}

function next(type) {
  const queued = queues.get(type);
  if (queued && queued.length > 0) return Promise.resolve(queued.shift());
  if (closed && type !== 'close') return Promise.reject(new Error(`connection closed while awaiting ${type}`));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiters.delete(type);
      reject(new Error(`no ${type} within ${awaitMillis} ms`));
    }, awaitMillis);
    waiters.set(type, {
      resolve: (event) => { clearTimeout(timer); resolve(event); },
      reject: (error) => { clearTimeout(timer); reject(error); },
    });
  });
}

function emit(type, event) {
  report(event);
  deliver(type, event);
}

const ws = new WebSocket(script.url, script.protocols ?? [], script.options ?? {});
let responseExtensions = null;
let wasOpen = false;

ws.on('upgrade', (response) => {
  responseExtensions = response.headers['sec-websocket-extensions'] ?? null;
});
ws.on('unexpected-response', (request, response) => {
  report({ event: 'unexpected-response', status: response.statusCode, headers: response.headers });
  response.resume();
  request.destroy();
  closed = true;
  deliver('open', null);
});
ws.on('open', () => {
  wasOpen = true;
  report({ event: 'open', protocol: ws.protocol, extensions: responseExtensions, wireIn: ws._socket.bytesRead });
  deliver('open', ws);
});
ws.on('message', (data, isBinary) => {
  emit('message', { event: 'message', ...describe(data, isBinary), wireIn: ws._socket?.bytesRead });
});
ws.on('ping', (data) => emit('ping', { event: 'ping', text: data.toString('latin1') }));
ws.on('pong', (data) => emit('pong', { event: 'pong', text: data.toString('latin1') }));
ws.on('error', (error) => report({ event: 'error', message: error.message, code: error.code ?? null }));
ws.on('close', (code, reason) => {
  closed = true;
  emit('close', { event: 'close', code, reason: reason.toString('utf8') });
  if (!wasOpen) deliver('open', null);
  for (const [type, waiter] of waiters) {
    if (type !== 'close') waiter.reject(new Error(`connection closed while awaiting ${type}`));
  }
});

function sendOne(data, options) {
  return new Promise((resolve, reject) => {
    ws.send(data, options, (error) => (error ? reject(error) : resolve()));
  });
}

async function run(step) {
  if (step.send) {
    const { text, hex, generate: spec } = step.send;
    const data = text !== undefined ? Buffer.from(text, 'utf8') : hex !== undefined ? fromHex(hex) : generate(spec);
    const binary = step.send.binary ?? (hex !== undefined || (spec !== undefined && spec.binary === true));
    const fin = step.send.fin ?? true;
    await sendOne(data, { binary, fin, compress: step.send.compress ?? true });
    report({ event: 'sent', ...describe(data, binary), fin, wireOut: ws._socket.bytesWritten });
  } else if (step.ping !== undefined) {
    ws.ping(Buffer.from(step.ping, 'latin1'));
  } else if (step.close) {
    ws.close(step.close.code, step.close.reason);
  } else if (step.raw) {
    ws._socket.write(fromHex(step.raw));
  } else if (step.await) {
    await next(step.await);
  } else {
    throw new Error(`unknown step ${JSON.stringify(step)}`);
  }
}

async function main() {
  const opened = await next('open');
  if (opened === null) {
    report({ event: 'done' });
    return;
  }
  for (const step of script.steps ?? []) {
    await run(step);
  }
  report({ event: 'done' });
  if (!closed) ws.terminate();
}

main().catch((error) => {
  report({ event: 'failure', message: error.message });
  process.exitCode = 1;
  ws.terminate();
});
