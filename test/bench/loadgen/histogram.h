/* Log-linear latency histogram (HdrHistogram-like, ~1.6 % resolution, fixed memory).
 * Values below 128 get one bucket each; above, each power of two is cut into 64 buckets.
 * clients/histogram.mjs implements the same bucketing for the Node client. */
#ifndef WSLOAD_HISTOGRAM_H
#define WSLOAD_HISTOGRAM_H

#include <stdint.h>
#include <string.h>

#define HIST_BUCKETS (58 * 64)

struct histogram {
    uint64_t counts[HIST_BUCKETS];
    uint64_t total;
    uint64_t max;
};

static inline int hist_bucket(uint64_t v) {
    if (v < 128) return (int) v;
    int msb = 63 - __builtin_clzll(v);
    int shift = msb - 6;
    return (shift + 1) * 64 + (int) ((v >> shift) - 64);
}

/* Middle of the bucket: the value reported for every sample that fell into it. */
static inline uint64_t hist_value(int bucket) {
    if (bucket < 128) return (uint64_t) bucket;
    int shift = bucket / 64 - 1;
    uint64_t low = (uint64_t) (64 + bucket % 64) << shift;
    return low + ((1ULL << shift) >> 1);
}

static inline void hist_reset(struct histogram *h) {
    memset(h, 0, sizeof *h);
}

static inline void hist_record(struct histogram *h, uint64_t v, uint64_t count) {
    if (count == 0) return;
    h->counts[hist_bucket(v)] += count;
    h->total += count;
    if (v > h->max) h->max = v;
}

/* Smallest recorded value v such that at least q of all samples are <= v (0 when empty). */
static inline uint64_t hist_quantile(const struct histogram *h, double q) {
    if (h->total == 0) return 0;
    double exact = q * (double) h->total;
    uint64_t rank = (uint64_t) exact;
    if ((double) rank < exact) rank++; /* ceiling: p99.9 of 100 samples is the largest one */
    if (rank < 1) rank = 1;
    uint64_t seen = 0;
    for (int i = 0; i < HIST_BUCKETS; i++) {
        seen += h->counts[i];
        if (seen >= rank) {
            uint64_t v = hist_value(i);
            return v > h->max ? h->max : v;
        }
    }
    return h->max;
}

#endif
