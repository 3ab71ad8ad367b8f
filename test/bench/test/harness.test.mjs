// The whole harness end to end, as short as it can be: one server, two scenarios, a table.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { BENCH_DIR } from '../harness/servers.mjs';
import { runTool } from './support.mjs';

const RUN = path.join(BENCH_DIR, 'run.sh');

test('run.sh measures, pins and writes a markdown table', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-test-'));
    const out = path.join(dir, 'results.md');
    try {
        const run = await runTool(RUN, ['--quick', '--warmup', '0.5', '--duration', '1', '--servers', 'ws', '--no-headroom',
            '--scenarios', '^echo-32B-1c-(closed|open)$', '--out', out], 110_000);
        assert.equal(run.code, 0, run.stderr);
        const table = readFileSync(out, 'utf8');
        assert.match(table, /warm-up 0\.5 s, measurement 1 s \(quick mode/);
        assert.match(table, /servers on core 0, load clients on core 1/);
        for (const id of ['echo-32B-1c-closed', 'echo-32B-1c-open']) {
            const line = table.split('\n').find((l) => l.startsWith(`| ${id} | ws | `));
            assert.ok(line, `no row for ${id}`);
            const cells = line.split('|').map((c) => c.trim());
            assert.ok(Number(cells[3].replaceAll(',', '')) > 0, `msg/s in ${line}`);
            assert.ok(Number(cells[4].replaceAll(',', '')) >= Number(cells[3].replaceAll(',', '')), `per CPU-s in ${line}`);
            assert.ok(Number(cells[7]) > 0, `RSS in ${line}`);
            assert.match(cells[8], /^\d+ %$/, `server CPU in ${line}`);
            assert.ok(cells[10].length > 0, `limiter in ${line}`);
        }
        assert.match(table, /Ratios ours\/ws and ours\/netty appear when `ours` is in `--servers`/);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});

test('run.sh refuses an unknown server before starting anything', { timeout: 60_000 }, async () => {
    const run = await runTool(RUN, ['--servers', 'nginx', '--quick']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /unknown server 'nginx'/);
});
