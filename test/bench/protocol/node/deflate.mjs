// permessage-deflate round trips with the Node ws library's own PerMessageDeflate class (lib/permessage-deflate.js),
// on the same JSON-like messages as DeflateBenchmark.java (same generator): a server instance compresses
// (fin = true: sync flush, tail stripped), a client instance decompresses (tail appended). Threshold 0, zlib
// defaults (level 6, memLevel 8), with and without context takeover. Reports round trips/s and MB/s of payload,
// median of 5 one-second rounds after 3 warm-up rounds, as the JMH run does (-wi 3 -i 5 -w 1s -r 1s).
// `ws` resolves from test/bench/node_modules (ws 8.23.0, the version of the reference servers in test/bench/).
// `node node/deflate.mjs --hash` prints a SHA-256 of each message instead, to check it against the Java side.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// ws exports only its public API; its PerMessageDeflate class is internal, so load it by file path.
const require = createRequire(import.meta.url);
const wsDir = dirname(require.resolve('ws'));
const PerMessageDeflate = require(join(wsDir, 'lib', 'permessage-deflate.js'));
const { format, parse } = require(join(wsDir, 'lib', 'extension.js'));
const wsVersion = JSON.parse(readFileSync(join(wsDir, 'package.json'), 'utf8')).version;

const WORDS = ['lecture', 'canteen', 'tram', 'weather', 'room', 'news', 'menu', 'vegan', 'delay', 'seminar',
  'library', 'exam', 'platform', 'sunny', 'rain', 'closed'];

function next(state) {
  return (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
}

export function json(size, seed) {
  let state = seed;
  let out = '[';
  for (let id = 0; out.length < size; id++) {
    state = next(state); const kind = WORDS[state % WORDS.length];
    state = next(state); const title = WORDS[state % WORDS.length];
    state = next(state); const room = 'H' + (100 + state % 400);
    state = next(state); const minute = state % 2 === 0 ? '00' : '30';
    state = next(state); const value = state % 1000;
    out += `{"id":${id},"kind":"${kind}","title":"${title} ${kind}","room":"${room}",`
      + `"start":"2025-10-2${id % 10}T1${id % 10}:${minute}:00","value":${value},"stale":${value % 8 === 0}},`;
  }
  return Buffer.from(out.substring(0, size), 'ascii');
}

function negotiate(contextTakeover) {
  const options = { threshold: 0, serverNoContextTakeover: !contextTakeover, clientNoContextTakeover: !contextTakeover };
  // ws 8.18+ takes the role and maxPayload in the options (older versions: constructor(options, isServer, maxPayload)).
  const server = new PerMessageDeflate({ ...options, isServer: true, maxPayload: 0 });
  const client = new PerMessageDeflate({ ...options, isServer: false, maxPayload: 0 });
  const offers = parse(format({ 'permessage-deflate': [client.offer()] }))['permessage-deflate'];
  const accepted = server.accept(offers);
  client.accept(parse(format({ 'permessage-deflate': [accepted] }))['permessage-deflate']);
  return { server, client };
}

function roundTrip({ server, client }, data) {
  return new Promise((resolve, reject) => {
    server.compress(data, true, (err, compressed) => {
      if (err) return reject(err);
      client.decompress(compressed, true, (err2, inflated) => (err2 ? reject(err2) : resolve(inflated)));
    });
  });
}

async function countFor(pair, data, millis) {
  const end = performance.now() + millis;
  let count = 0;
  while (performance.now() < end) {
    await roundTrip(pair, data);
    count++;
  }
  return count / (millis / 1000);
}

const sizes = [32, 1024, 16384, 204800];
if (process.argv.includes('--hash')) {
  const { createHash } = await import('node:crypto');
  for (const size of sizes) console.log(size, createHash('sha256').update(json(size, 7)).digest('hex'));
  process.exit(0);
}
console.log(`ws ${wsVersion} PerMessageDeflate, Node ${process.version}, zlib ${process.versions.zlib}`);
console.log('size     contextTakeover  round trips/s   MB/s');
for (const contextTakeover of [true, false]) {
  for (const size of sizes) {
    const data = json(size, 7);
    const pair = negotiate(contextTakeover);
    const check = await roundTrip(pair, data);
    if (!check.equals(data)) throw new Error(`round trip of ${size} bytes changed the data`);
    for (let i = 0; i < 3; i++) await countFor(pair, data, 1000);
    const rounds = [];
    for (let i = 0; i < 5; i++) rounds.push(await countFor(pair, data, 1000));
    rounds.sort((a, b) => a - b);
    const median = rounds[2];
    console.log(`${String(size).padEnd(8)} ${String(contextTakeover).padEnd(16)} ${median.toFixed(0).padStart(13)}  `
      + `${(median * size / 1e6).toFixed(1).padStart(6)}`);
    pair.server.cleanup();
    pair.client.cleanup();
  }
}
