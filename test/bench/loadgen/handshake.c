#include "handshake.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/evp.h>
#include <openssl/sha.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

static const char *ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

int tcp_connect(const char *host, int port, int timeout_ms, char *err, size_t err_len) {
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t) port);
    if (inet_pton(AF_INET, host, &addr.sin_addr) != 1) {
        snprintf(err, err_len, "host must be an IPv4 address (loopback), not %s", host);
        return -1;
    }
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        snprintf(err, err_len, "socket: %s", strerror(errno));
        return -1;
    }
    struct timeval tv = { .tv_sec = timeout_ms / 1000, .tv_usec = (timeout_ms % 1000) * 1000 };
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    if (connect(fd, (struct sockaddr *) &addr, sizeof addr) != 0) {
        snprintf(err, err_len, "connect %s:%d: %s", host, port, strerror(errno));
        close(fd);
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

static void base64(const uint8_t *in, int len, char *out) {
    EVP_EncodeBlock((unsigned char *) out, in, len);
}

static int send_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return -1;
        p += w;
        n -= (size_t) w;
    }
    return 0;
}

/* Value of header `name` in the response head (lines after the status line), or NULL. */
static const char *header_value(char *head, const char *name, char *value, size_t cap) {
    size_t name_len = strlen(name);
    for (char *line = strstr(head, "\r\n"); line; line = strstr(line, "\r\n")) {
        line += 2;
        if (strncasecmp(line, name, name_len) == 0 && line[name_len] == ':') {
            const char *v = line + name_len + 1;
            while (*v == ' ' || *v == '\t') v++;
            const char *end = strstr(v, "\r\n");
            size_t n = end ? (size_t) (end - v) : strlen(v);
            if (n >= cap) n = cap - 1;
            memcpy(value, v, n);
            value[n] = '\0';
            return value;
        }
    }
    return NULL;
}

int ws_upgrade(int fd, const struct upgrade_request *req, struct upgrade_result *out, char *err, size_t err_len) {
    uint8_t nonce[16];
    for (int i = 0; i < 16; i++) nonce[i] = (uint8_t) (rand() >> 7);
    char key[32];
    base64(nonce, 16, key);

    char request[1024];
    int n = snprintf(request, sizeof request,
            "GET %s HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n%s%s%s\r\n",
            req->path, req->host, req->port, key,
            req->extensions ? "Sec-WebSocket-Extensions: " : "", req->extensions ? req->extensions : "",
            req->extensions ? "\r\n" : "");
    if (send_all(fd, request, (size_t) n) != 0) {
        snprintf(err, err_len, "sending the upgrade request: %s", strerror(errno));
        return -1;
    }

    char head[8192];
    size_t have = 0;
    char *end = NULL;
    while (!end) {
        struct pollfd p = { .fd = fd, .events = POLLIN };
        if (poll(&p, 1, req->timeout_ms) <= 0) {
            snprintf(err, err_len, "no upgrade response within %d ms", req->timeout_ms);
            return -1;
        }
        ssize_t r = read(fd, head + have, sizeof head - 1 - have);
        if (r <= 0) {
            snprintf(err, err_len, "connection closed during the handshake");
            return -1;
        }
        have += (size_t) r;
        head[have] = '\0';
        end = strstr(head, "\r\n\r\n");
        if (!end && have >= sizeof head - 1) {
            snprintf(err, err_len, "upgrade response header larger than %zu bytes", sizeof head);
            return -1;
        }
    }
    size_t head_len = (size_t) (end - head) + 4;
    out->leftover_len = have - head_len;
    memcpy(out->leftover, head + head_len, out->leftover_len);
    end[2] = '\0'; /* keep the last header's CRLF for header_value */

    if (strncmp(head, "HTTP/1.1 101", 12) != 0) {
        char *eol = strstr(head, "\r\n");
        if (eol) *eol = '\0';
        snprintf(err, err_len, "upgrade refused: %s", head);
        return -1;
    }
    char concat[96];
    snprintf(concat, sizeof concat, "%s%s", key, ACCEPT_GUID);
    uint8_t digest[SHA_DIGEST_LENGTH];
    SHA1((const unsigned char *) concat, strlen(concat), digest);
    char expected[40];
    base64(digest, SHA_DIGEST_LENGTH, expected);
    char value[256];
    if (!header_value(head, "Sec-WebSocket-Accept", value, sizeof value) || strcmp(value, expected) != 0) {
        snprintf(err, err_len, "bad Sec-WebSocket-Accept (want %s)", expected);
        return -1;
    }
    out->extensions[0] = '\0';
    if (header_value(head, "Sec-WebSocket-Extensions", value, sizeof value)) {
        snprintf(out->extensions, sizeof out->extensions, "%s", value);
    }
    return 0;
}
