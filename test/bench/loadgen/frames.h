/* WebSocket frame bytes for the load generator (RFC 6455 section 5.2, RFC 7692 section 7.2). */
#ifndef WSLOAD_FRAMES_H
#define WSLOAD_FRAMES_H

#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

enum { OP_CONTINUATION = 0x0, OP_TEXT = 0x1, OP_BINARY = 0x2, OP_CLOSE = 0x8, OP_PING = 0x9, OP_PONG = 0xA };

/* Fills out[0..len) with JSON-like ASCII text (valid UTF-8, compressible like real push data). */
void payload_json(uint8_t *out, size_t len, uint32_t seed);

/* A complete masked client frame (FIN set) in a new malloc'ed buffer; *frame_len gets its size. */
uint8_t *frame_client(int opcode, int rsv1, const uint8_t *payload, size_t len, const uint8_t mask[4],
        size_t *frame_len);

/* Size of the unmasked server frame that carries len payload bytes. */
size_t frame_server_len(size_t len);

/* permessage-deflate compression of one message without context takeover (RFC 7692 7.2.1):
 * raw deflate, sync flush, the trailing 00 00 ff ff removed. Returns 0 or -1. */
int deflate_message(const uint8_t *in, size_t len, int window_bits, uint8_t **out, size_t *out_len);

/* Counts complete data messages in a stream of server frames without looking at payloads:
 * reads each header, skips the payload. Protocol errors set error; so does a server close frame,
 * unless allow_close is set: then its code is kept in close_code (1005 when it has none). */
struct frame_walker {
    uint8_t header[14];
    int have;
    int need;
    uint64_t skip;
    int fin;
    int opcode;
    uint64_t messages;
    int allow_close;
    int close_code;           /* -1 until a close frame is complete */
    uint8_t close_bytes[2];
    int close_have;
    int error;
    char why[160];
};

void walker_feed(struct frame_walker *w, const uint8_t *p, size_t n);

/* Checks every echoed message against the payload that was sent, inflating compressed ones. */
struct verifier {
    const uint8_t *expected;
    size_t expected_len;
    int opcode;
    int inflate_ready;
    int reset_each;            /* server_no_context_takeover: fresh inflater for each message */
    z_stream inflater;
    uint8_t *buffer;           /* bytes of a frame not yet complete */
    size_t have;
    size_t capacity;
    uint8_t *scratch;          /* inflated message */
    uint64_t messages;
    uint64_t compressed;       /* messages that came with RSV1 set */
    int error;
    char why[160];
};

int verifier_init(struct verifier *v, const uint8_t *expected, size_t len, int opcode, int reset_each);
void verifier_feed(struct verifier *v, const uint8_t *p, size_t n);
void verifier_free(struct verifier *v);

#endif
