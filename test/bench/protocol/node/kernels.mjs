// The kernels of ws.protocol's JMH benchmarks (MaskingBenchmark, Utf8Benchmark), measured with the add-ons
// the Node `ws` library uses when installed: bufferutil (unmask) and utf-8-validate. Same inputs, built the
// same way as Payloads.java: 1 MiB in cache. Prints GB/s (10^9 bytes per second), best and median of 5 rounds.
//
//   taskset -c 1 node node/kernels.mjs
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const bufferUtil = require('bufferutil');
const bufferUtilFallback = require('bufferutil/fallback.js');
const isValidUTF8 = require('utf-8-validate');

// Honest figures need the native add-ons: refuse to run on the JS fallbacks.
if (bufferUtil.unmask === bufferUtilFallback.unmask || !/native code/.test(isValidUTF8.toString())) {
  throw new Error('bufferutil or utf-8-validate native add-on not loaded');
}

const SIZE = 1 << 20;
const MIXED_UNIT = 'Grüße aus Magdeburg! Привет, κόσμε, 日本語のテキスト, emoji 🎉🚀 and some plain ASCII words. ';
const KEY = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);

function ascii() {
  const bytes = Buffer.alloc(SIZE);
  for (let i = 0; i < SIZE; i++) bytes[i] = 0x20 + ((i * 7) % 95);
  return bytes;
}

function mixed() {
  const unit = Buffer.from(MIXED_UNIT, 'utf8');
  const bytes = Buffer.alloc(SIZE, 'x'.charCodeAt(0));
  for (let at = 0; at + unit.length <= SIZE; at += unit.length) unit.copy(bytes, at);
  return bytes;
}

function random() {
  const bytes = Buffer.alloc(SIZE);
  let seed = 1;
  for (let i = 0; i < SIZE; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = seed >>> 16;
  }
  return bytes;
}

// Runs fn enough times for about 200 ms per round, after 3 warm-up rounds; returns GB/s per round.
function measure(fn) {
  let calls = 1;
  for (;;) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) fn();
    const ns = Number(process.hrtime.bigint() - start);
    if (ns > 50e6) break;
    calls *= 2;
  }
  calls *= 4;
  const rounds = [];
  for (let round = 0; round < 8; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) fn();
    const ns = Number(process.hrtime.bigint() - start);
    if (round >= 3) rounds.push((calls * SIZE) / ns);
  }
  rounds.sort((a, b) => a - b);
  return { best: rounds[rounds.length - 1], median: rounds[Math.floor(rounds.length / 2)] };
}

const data = random();
const asciiText = ascii();
const mixedText = mixed();
if (!isValidUTF8(asciiText) || !isValidUTF8(mixedText)) throw new Error('input is not valid UTF-8');

const results = [
  ['unmask 1 MiB (bufferutil native)', measure(() => bufferUtil.unmask(data, KEY))],
  ['unmask 1 MiB (bufferutil JS fallback, ws without add-ons)', measure(() => bufferUtilFallback.unmask(data, KEY))],
  ['UTF-8 ASCII 1 MiB (utf-8-validate native)', measure(() => isValidUTF8(asciiText))],
  ['UTF-8 mixed 1 MiB (utf-8-validate native)', measure(() => isValidUTF8(mixedText))],
];
console.log(`node ${process.version}, bufferutil ${require('bufferutil/package.json').version}, ` +
  `utf-8-validate ${require('utf-8-validate/package.json').version}`);
for (const [name, r] of results) {
  console.log(`${name.padEnd(60)} best ${r.best.toFixed(2).padStart(6)} GB/s   median ${r.median.toFixed(2).padStart(6)} GB/s`);
}
