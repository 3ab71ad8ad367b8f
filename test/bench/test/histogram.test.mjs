import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bucketOf, Histogram, valueOf } from '../clients/histogram.mjs';

test('small values keep their exact bucket', () => {
    for (const v of [0, 1, 64, 127]) assert.equal(valueOf(bucketOf(v)), v);
});

test('every value is reported within 1.6 % of itself, up to 2^40', () => {
    for (let v = 128; v < 2 ** 40; v = Math.floor(v * 1.37) + 1) {
        const reported = valueOf(bucketOf(v));
        assert.ok(Math.abs(reported - v) / v <= 0.016, `${v} reported as ${reported}`);
    }
});

test('buckets grow with the value', () => {
    let previous = -1;
    for (let v = 0; v < 1e7; v = v < 300 ? v + 1 : Math.floor(v * 1.01)) {
        const b = bucketOf(v);
        assert.ok(b >= previous, `bucket of ${v} went down`);
        previous = b;
    }
});

test('quantiles of 1..1000 us', () => {
    const h = new Histogram();
    for (let i = 1; i <= 1000; i++) h.record(i * 1000);
    assert.equal(h.total, 1000);
    assert.ok(Math.abs(h.quantile(0.5) - 500_000) / 500_000 < 0.016, `p50 ${h.quantile(0.5)}`);
    assert.ok(Math.abs(h.quantile(0.99) - 990_000) / 990_000 < 0.016, `p99 ${h.quantile(0.99)}`);
    assert.equal(h.quantile(1), 1_000_000);
    assert.equal(h.max, 1_000_000);
});

test('weighted records and reset', () => {
    const h = new Histogram();
    h.record(100, 99);
    h.record(1_000_000, 1);
    assert.equal(h.quantile(0.5), 100);
    assert.equal(h.quantile(0.99), 100);
    assert.ok(h.quantile(0.999) > 900_000);
    h.reset();
    assert.equal(h.total, 0);
    assert.equal(h.quantile(0.5), 0);
});
