/* TCP connect and the WebSocket opening handshake (RFC 6455 section 4.1), blocking, with timeouts. */
#ifndef WSLOAD_HANDSHAKE_H
#define WSLOAD_HANDSHAKE_H

#include <stddef.h>
#include <stdint.h>

struct upgrade_request {
    const char *host;
    int port;
    const char *path;
    const char *extensions;    /* Sec-WebSocket-Extensions offer, or NULL */
    int timeout_ms;
};

struct upgrade_result {
    char extensions[256];      /* what the server accepted ("" if none) */
    uint8_t leftover[4096];    /* bytes that arrived right after the response header */
    size_t leftover_len;
};

/* A connected TCP socket (TCP_NODELAY, blocking), or -1 with err filled in. */
int tcp_connect(const char *host, int port, int timeout_ms, char *err, size_t err_len);

/* Sends the upgrade request on fd and checks the 101 answer and its Sec-WebSocket-Accept. */
int ws_upgrade(int fd, const struct upgrade_request *req, struct upgrade_result *out, char *err, size_t err_len);

#endif
