import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { isUtf8 } from 'node:buffer';
import { jsonPayload } from '../clients/payload.mjs';
import { buildLoadgen, WSLOAD } from './support.mjs';

test('payloads have the exact size and are ASCII text', () => {
    for (const size of [0, 1, 2, 32, 125, 126, 16384]) {
        const p = jsonPayload(size);
        assert.equal(p.length, size);
        assert.ok(isUtf8(p));
        assert.ok(p.every((b) => b >= 0x20 && b < 0x7f), `non-printable byte in ${size}-byte payload`);
    }
    assert.equal(jsonPayload(32).toString(), '[{"id":26330,"widget":"departur]');
});

test('16 KiB payload compresses like real JSON, not like random or repeated bytes', () => {
    const p = jsonPayload(16384);
    const ratio = p.length / deflateRawSync(p).length;
    assert.ok(ratio > 3 && ratio < 20, `compression ratio ${ratio.toFixed(1)}`);
});

test('the C generator sends the same bytes as the Node client', { skip: buildLoadgen() ?? false }, () => {
    for (const size of [0, 32, 16384]) {
        const dumped = spawnSync(WSLOAD, ['--dump-payload', '--size', String(size)]);
        assert.equal(dumped.status, 0);
        assert.ok(dumped.stdout.equals(jsonPayload(size)), `payload of ${size} bytes differs`);
    }
});
