#include "frames.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t next_random(uint32_t *state) {
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

void payload_json(uint8_t *out, size_t len, uint32_t seed) {
    static const char *widgets[] = { "canteen", "timetable", "departures", "weather", "news", "clock" };
    static const char *titles[] = { "Mensa Nord", "Hoersaal A1", "Bus 42 Hauptbahnhof", "Bibliothek",
                                    "Vorlesung Informatik", "Tram 7 Campus" };
    static const char *states[] = { "ok", "stale", "ok", "ok", "error", "ok" };
    uint32_t state = seed ? seed : 0x9e3779b9u;
    size_t at = 0;
    char record[192];
    if (len > 0) out[at++] = '[';
    while (at < len) {
        uint32_t r = next_random(&state);
        int n = snprintf(record, sizeof record,
                "{\"id\":%u,\"widget\":\"%s\",\"title\":\"%s\",\"value\":%u.%02u,\"state\":\"%s\"},",
                r % 100000, widgets[r % 6], titles[(r >> 8) % 6], (r >> 4) % 1000, (r >> 12) % 100,
                states[(r >> 16) % 6]);
        size_t take = (size_t) n < len - at ? (size_t) n : len - at;
        memcpy(out + at, record, take);
        at += take;
    }
    if (len > 1) out[len - 1] = ']';
}

static size_t header_len(size_t len, int masked) {
    size_t n = len < 126 ? 2 : len <= 0xFFFF ? 4 : 10;
    return n + (masked ? 4 : 0);
}

uint8_t *frame_client(int opcode, int rsv1, const uint8_t *payload, size_t len, const uint8_t mask[4],
        size_t *frame_len) {
    size_t total = header_len(len, 1) + len;
    uint8_t *f = malloc(total);
    if (!f) return NULL;
    size_t at = 0;
    f[at++] = (uint8_t) (0x80 | (rsv1 ? 0x40 : 0) | opcode);
    if (len < 126) {
        f[at++] = (uint8_t) (0x80 | len);
    } else if (len <= 0xFFFF) {
        f[at++] = 0x80 | 126;
        f[at++] = (uint8_t) (len >> 8);
        f[at++] = (uint8_t) len;
    } else {
        f[at++] = 0x80 | 127;
        for (int i = 7; i >= 0; i--) f[at++] = (uint8_t) ((uint64_t) len >> (8 * i));
    }
    memcpy(f + at, mask, 4);
    at += 4;
    for (size_t i = 0; i < len; i++) f[at + i] = payload[i] ^ mask[i & 3];
    *frame_len = total;
    return f;
}

size_t frame_server_len(size_t len) {
    return header_len(len, 0) + len;
}

int deflate_message(const uint8_t *in, size_t len, int window_bits, uint8_t **out, size_t *out_len) {
    z_stream z;
    memset(&z, 0, sizeof z);
    /* zlib cannot make raw streams with an 8-bit window; 9 stays inside what the peer allows. */
    if (window_bits < 9) window_bits = 9;
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    size_t capacity = deflateBound(&z, len) + 16;
    uint8_t *buf = malloc(capacity);
    if (!buf) {
        deflateEnd(&z);
        return -1;
    }
    z.next_in = (Bytef *) in;
    z.avail_in = (uInt) len;
    z.next_out = buf;
    z.avail_out = (uInt) capacity;
    int rc = deflate(&z, Z_SYNC_FLUSH);
    size_t produced = capacity - z.avail_out;
    deflateEnd(&z);
    if (rc != Z_OK || z.avail_in != 0 || produced < 4 || memcmp(buf + produced - 4, "\x00\x00\xff\xff", 4) != 0) {
        free(buf);
        return -1;
    }
    *out = buf;
    *out_len = produced - 4;
    return 0;
}

static void fail(char *why, size_t cap, int *error, const char *message, long detail) {
    if (!*error) snprintf(why, cap, "%s %ld", message, detail);
    *error = 1;
}

/* Returns the header length once the first two bytes are known. */
static int header_need(const uint8_t *h) {
    int len7 = h[1] & 0x7F;
    return 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((h[1] & 0x80) ? 4 : 0);
}

static uint64_t header_payload_len(const uint8_t *h) {
    int len7 = h[1] & 0x7F;
    if (len7 < 126) return (uint64_t) len7;
    if (len7 == 126) return ((uint64_t) h[2] << 8) | h[3];
    uint64_t v = 0;
    for (int i = 2; i < 10; i++) v = (v << 8) | h[i];
    return v;
}

void walker_feed(struct frame_walker *w, const uint8_t *p, size_t n) {
    while (n > 0 && !w->error) {
        if (w->skip > 0) {
            size_t take = w->skip < n ? (size_t) w->skip : n;
            for (size_t i = 0; w->opcode == OP_CLOSE && i < take && w->close_have < 2; i++) {
                w->close_bytes[w->close_have++] = p[i];
            }
            w->skip -= take;
            p += take;
            n -= take;
            if (w->skip == 0 && w->fin && w->opcode < OP_CLOSE) w->messages++;
            if (w->skip == 0 && w->opcode == OP_CLOSE) {
                w->close_code = w->close_have == 2 ? (w->close_bytes[0] << 8) | w->close_bytes[1] : 1005;
            }
            continue;
        }
        w->header[w->have++] = *p++;
        n--;
        if (w->have == 2) w->need = header_need(w->header);
        if (w->have < 2 || w->have < w->need) continue;
        w->fin = (w->header[0] & 0x80) != 0;
        w->opcode = w->header[0] & 0x0F;
        w->skip = header_payload_len(w->header);
        w->have = 0;
        if (w->header[1] & 0x80) fail(w->why, sizeof w->why, &w->error, "masked server frame, opcode", w->opcode);
        if (w->opcode == OP_CLOSE && !w->allow_close) {
            fail(w->why, sizeof w->why, &w->error, "server sent close, payload bytes", (long) w->skip);
        }
        if (w->opcode == OP_CLOSE && w->skip == 0) w->close_code = 1005;
        w->close_have = 0;
        if (w->skip == 0 && w->fin && w->opcode < OP_CLOSE) w->messages++;
    }
}

int verifier_init(struct verifier *v, const uint8_t *expected, size_t len, int opcode, int reset_each) {
    memset(v, 0, sizeof v[0]);
    v->expected = expected;
    v->expected_len = len;
    v->opcode = opcode;
    v->reset_each = reset_each;
    v->capacity = len + 64;
    v->buffer = malloc(v->capacity);
    v->scratch = malloc(len + 1);
    if (!v->buffer || !v->scratch) return -1;
    if (inflateInit2(&v->inflater, -15) != Z_OK) return -1;
    v->inflate_ready = 1;
    return 0;
}

static void verify_message(struct verifier *v, int rsv1, const uint8_t *data, size_t len) {
    if (!rsv1) {
        if (len != v->expected_len || memcmp(data, v->expected, len) != 0) {
            fail(v->why, sizeof v->why, &v->error, "echo differs from what was sent, message", (long) v->messages);
        }
        return;
    }
    static const uint8_t tail[4] = { 0x00, 0x00, 0xFF, 0xFF };
    v->compressed++;
    z_stream *z = &v->inflater;
    z->next_out = v->scratch;
    z->avail_out = (uInt) (v->expected_len + 1);
    z->next_in = (Bytef *) data;
    z->avail_in = (uInt) len;
    int rc = inflate(z, Z_SYNC_FLUSH);
    if (rc == Z_OK || rc == Z_BUF_ERROR) {
        z->next_in = (Bytef *) tail;
        z->avail_in = 4;
        rc = inflate(z, Z_SYNC_FLUSH);
    }
    size_t produced = v->expected_len + 1 - z->avail_out;
    if ((rc != Z_OK && rc != Z_BUF_ERROR) || produced != v->expected_len
            || memcmp(v->scratch, v->expected, v->expected_len) != 0) {
        fail(v->why, sizeof v->why, &v->error, "inflated echo differs from what was sent, message", (long) v->messages);
    }
    if (v->reset_each) inflateReset(z);
}

void verifier_feed(struct verifier *v, const uint8_t *p, size_t n) {
    while (n > 0 && !v->error) {
        size_t take = v->capacity - v->have < n ? v->capacity - v->have : n;
        memcpy(v->buffer + v->have, p, take);
        v->have += take;
        p += take;
        n -= take;
        for (;;) {
            if (v->have < 2) break;
            size_t need = (size_t) header_need(v->buffer);
            if (v->have < need) break;
            uint64_t len = header_payload_len(v->buffer);
            if (need + len > v->capacity) {
                fail(v->why, sizeof v->why, &v->error, "echoed frame larger than the message sent, bytes", (long) len);
                return;
            }
            if (v->have < need + len) break;
            int fin = (v->buffer[0] & 0x80) != 0;
            int rsv1 = (v->buffer[0] & 0x40) != 0;
            int opcode = v->buffer[0] & 0x0F;
            if (!fin || opcode != v->opcode || (v->buffer[1] & 0x80)) {
                fail(v->why, sizeof v->why, &v->error, "unexpected frame (want FIN, unmasked, same opcode), opcode", opcode);
                return;
            }
            verify_message(v, rsv1, v->buffer + need, (size_t) len);
            v->messages++;
            memmove(v->buffer, v->buffer + need + len, v->have - need - len);
            v->have -= need + len;
        }
    }
}

void verifier_free(struct verifier *v) {
    if (v->inflate_ready) inflateEnd(&v->inflater);
    free(v->buffer);
    free(v->scratch);
}
