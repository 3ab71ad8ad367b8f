// The npm ws server, for our client to talk to:
//   node ws-server.mjs '{"deflate": false | {ws perMessageDeflate options}, "protocols": [...], "token": "...",
//                        "maxPayload": N}'
// It listens on a free loopback port, reports {"event":"listening","port":N}, and echoes every message as it
// came (text as text, binary as binary). A text message that is a JSON object with "cmd" is a command
// instead:
//   {"cmd":"ping","data":".."}  {"cmd":"close","code":N,"reason":".."}  {"cmd":"terminate"}
//   {"cmd":"send","generate":{"bytes":N,"pattern":"..","binary":B}}
//   {"cmd":"fragments","parts":["hex","hex"],"binary":B}   one message as several frames (fin: false); a
//   text message may be split inside a UTF-8 sequence
//   {"cmd":"raw","hex":".."}   bytes written to the socket as they are (protocol violations)
// Every event is one JSON line on stdout, with the connection's number. With "token", an upgrade without
// "Authorization: Bearer <token>" is refused by verifyClient: 401 when absent, 403 when wrong.
// It runs until the test kills it.
import { WebSocketServer } from 'ws';
import { describe, fromHex, generate, report } from './peer.mjs';

const config = JSON.parse(process.argv[2] ?? '{}');

const options = {
  host: '127.0.0.1',
  port: 0,
  perMessageDeflate: config.deflate ?? false,
  maxPayload: config.maxPayload ?? 100 * 1024 * 1024,
};
if (config.protocols) {
  options.handleProtocols = (offered) => config.protocols.find((p) => offered.has(p)) ?? false;
}
if (config.token) {
  options.verifyClient = (info, callback) => {
    const authorization = info.req.headers.authorization;
    if (authorization === undefined) {
      callback(false, 401, 'Unauthorized', { 'WWW-Authenticate': 'Bearer realm="interop"' });
    } else if (authorization !== `Bearer ${config.token}`) {
      callback(false, 403, 'Forbidden');
    } else {
      callback(true);
    }
  };
}

const server = new WebSocketServer(options);
let connections = 0;
let lastResponseHeaders = [];

server.on('listening', () => report({ event: 'listening', port: server.address().port }));
server.on('headers', (headers) => {
  lastResponseHeaders = [...headers];
});
server.on('connection', (ws, request) => {
  const id = ++connections;
  const socket = request.socket;
  const extensions = lastResponseHeaders.find((h) => h.toLowerCase().startsWith('sec-websocket-extensions:'));
  report({
    event: 'connection', id, protocol: ws.protocol, path: request.url,
    offer: request.headers['sec-websocket-extensions'] ?? null,
    extensions: extensions ? extensions.slice(extensions.indexOf(':') + 1).trim() : null,
    wireIn: socket.bytesRead,
  });
  ws.on('message', (data, isBinary) => {
    const description = describe(data, isBinary);
    report({ event: 'message', id, ...description, wireIn: socket.bytesRead });
    if (!isBinary && data.subarray(0, 6).toString('latin1') === '{"cmd"') {
      command(ws, id, JSON.parse(data.toString('utf8')));
    } else {
      ws.send(data, { binary: isBinary });
    }
  });
  ws.on('ping', (data) => report({ event: 'ping', id, text: data.toString('latin1') }));
  ws.on('pong', (data) => report({ event: 'pong', id, text: data.toString('latin1') }));
  ws.on('error', (error) => report({ event: 'error', id, message: error.message, code: error.code ?? null }));
  ws.on('close', (code, reason) => report({ event: 'close', id, code, reason: reason.toString('utf8') }));
});

function command(ws, id, cmd) {
  switch (cmd.cmd) {
    case 'ping':
      ws.ping(Buffer.from(cmd.data ?? '', 'latin1'));
      break;
    case 'close':
      ws.close(cmd.code, cmd.reason);
      break;
    case 'terminate':
      ws.terminate();
      break;
    case 'send': {
      const data = generate(cmd.generate);
      const binary = cmd.generate.binary === true;
      ws.send(data, { binary }, () => report({ event: 'sent', id, ...describe(data, binary) }));
      break;
    }
    case 'fragments': {
      const buffers = cmd.parts.map(fromHex);
      const wireBefore = ws._socket.bytesWritten;
      buffers.forEach((buffer, i) => {
        const last = i === buffers.length - 1;
        ws.send(buffer, { binary: cmd.binary, fin: last }, () => {
          if (last) {
            report({ event: 'sent', id, fragments: buffers.length, ...describe(Buffer.concat(buffers), cmd.binary),
              wireOut: ws._socket.bytesWritten - wireBefore });
          }
        });
      });
      break;
    }
    case 'raw':
      ws._socket.write(fromHex(cmd.hex));
      break;
    default:
      report({ event: 'error', id, message: `unknown command ${cmd.cmd}` });
  }
}

// The test kills this process; stdin closing (the JVM gone) ends it too.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
