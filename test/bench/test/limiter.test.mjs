import assert from 'node:assert/strict';
import { test } from 'node:test';
import { limiter, noiseNote } from '../harness/limiter.mjs';

const open = { kind: 'open' };
const closed = { kind: 'closed', rate: 0 };
const quiet = (server, client) => ({ server, client, cores: { cpu0: server + 2, cpu1: client + 2 } });

test('a saturated server core names the server', () => {
    assert.equal(limiter(open, {}, quiet(99, 40)), 'server CPU');
});

test('a saturated client core names the client', () => {
    assert.equal(limiter(closed, {}, quiet(60, 97)), 'client CPU');
});

test('both saturated: the busier one is named', () => {
    assert.equal(limiter(open, {}, quiet(95, 99)), 'client CPU');
    assert.equal(limiter(open, {}, quiet(99, 95)), 'server CPU');
});

test('neither saturated: loopback, round trips, the offered rate, or nothing', () => {
    assert.equal(limiter(open, { rx_mbit_per_sec: 5000, tx_mbit_per_sec: 5000 }, quiet(70, 50)), 'loopback bandwidth');
    assert.equal(limiter(closed, {}, quiet(50, 60)), 'round trips (closed loop)');
    assert.equal(limiter({ kind: 'closed', rate: 20000 }, {}, quiet(20, 30)), 'offered rate');
    assert.equal(limiter(open, {}, quiet(50, 20)), 'neither core saturated');
});

test('other load on a pinned core is called out', () => {
    const busy = { server: 60, client: 40, cores: { cpu0: 100, cpu1: 45 } };
    assert.equal(noiseNote(busy), 'noisy: other load core 0 +40 %');
    assert.equal(limiter(open, {}, busy), 'neither core saturated; noisy: other load core 0 +40 %');
    assert.equal(noiseNote(quiet(99, 99)), '');
});
