// What the ws client and ws server of the interop tests share: one JSON line per event on stdout (the
// JUnit side reads them), payloads made on demand, and the description of a message (length, SHA-256,
// the text itself when short) so that large messages are compared by hash, not printed.
import { createHash, randomBytes } from 'node:crypto';

const SHORT_TEXT = 512;
const PHRASE = 'Mensa today: pasta with tomato sauce, salad bar, apple strudel. ';

export function report(event) {
  process.stdout.write(JSON.stringify(event) + '\n');
}

export function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

export function describe(data, isBinary) {
  const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data);
  const description = { binary: isBinary, length: buffer.length, sha256: sha256(buffer) };
  if (!isBinary && buffer.length <= SHORT_TEXT) {
    description.text = buffer.toString('utf8');
  } else if (isBinary && buffer.length <= SHORT_TEXT) {
    description.hex = buffer.toString('hex');
  }
  return description;
}

// random: incompressible bytes; letters: random base64 text (valid UTF-8, compresses a little);
// repeat: one phrase over and over (compresses a lot, near matches); blocks: a random 3000-byte text block
// repeated (matches 3000 bytes back only: a 2 KiB window cannot use them, a 4 KiB window can).
export function generate({ bytes, pattern }) {
  switch (pattern) {
    case 'random':
      return randomBytes(bytes);
    case 'letters':
      return Buffer.from(randomBytes(bytes).toString('base64').slice(0, bytes), 'latin1');
    case 'repeat':
      return Buffer.from(PHRASE.repeat(Math.ceil(bytes / PHRASE.length)).slice(0, bytes), 'latin1');
    case 'blocks': {
      const block = randomBytes(2250).toString('base64');
      return Buffer.from(block.repeat(Math.ceil(bytes / block.length)).slice(0, bytes), 'latin1');
    }
    default:
      throw new Error(`unknown pattern ${pattern}`);
  }
}

export function fromHex(hex) {
  return Buffer.from(hex, 'hex');
}
