// Log-linear latency histogram, the same bucketing as loadgen/histogram.h: values below 128 get a
// bucket each; above, each power of two is cut into 64 buckets (about 1.6 % resolution).
const BUCKETS = 58 * 64;

export function bucketOf(value) {
    if (value < 128) return value;
    const high = Math.floor(value / 2 ** 32);
    const msb = high > 0 ? 63 - Math.clz32(high) : 31 - Math.clz32(value);
    const shift = msb - 6;
    return (shift + 1) * 64 + (Math.floor(value / 2 ** shift) - 64);
}

export function valueOf(bucket) {
    if (bucket < 128) return bucket;
    const shift = Math.floor(bucket / 64) - 1;
    const low = (64 + (bucket % 64)) * 2 ** shift;
    return low + Math.floor(2 ** shift / 2);
}

export class Histogram {
    constructor() {
        this.counts = new Float64Array(BUCKETS);
        this.total = 0;
        this.max = 0;
    }

    /** Records a non-negative integer value (e.g. nanoseconds) count times. */
    record(value, count = 1) {
        const v = Math.max(0, Math.round(value));
        this.counts[bucketOf(v)] += count;
        this.total += count;
        if (v > this.max) this.max = v;
    }

    /** Smallest recorded value v such that at least q of all samples are <= v (0 when empty). */
    quantile(q) {
        if (this.total === 0) return 0;
        const rank = Math.max(1, Math.ceil(q * this.total));
        let seen = 0;
        for (let i = 0; i < BUCKETS; i++) {
            seen += this.counts[i];
            if (seen >= rank) return Math.min(valueOf(i), this.max);
        }
        return this.max;
    }

    reset() {
        this.counts.fill(0);
        this.total = 0;
        this.max = 0;
    }
}
