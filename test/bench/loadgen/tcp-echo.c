/* tcp-echo: the most trivial TCP echo server (epoll, one thread). It writes back whatever it
 * reads and does nothing else, so the load generator in raw mode against it shows the highest
 * message rate the generator can drive: its headroom over any WebSocket server.
 *   tcp-echo PORT [MAX_SECONDS]     prints "tcp-echo ready on port N" */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

struct peer {
    int fd;
    char *pending;     /* bytes read but not yet written back */
    size_t pending_len;
};

static char buffer[1 << 20];

static void drop(struct peer *p) {
    close(p->fd);
    free(p->pending);
    free(p);
}

/* Writes what is pending; returns 1 when all is written, 0 when the socket is full, -1 on error. */
static int flush_pending(struct peer *p) {
    size_t done = 0;
    while (done < p->pending_len) {
        ssize_t w = write(p->fd, p->pending + done, p->pending_len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0 && errno == EAGAIN) break;
        if (w < 0) return -1;
        done += (size_t) w;
    }
    memmove(p->pending, p->pending + done, p->pending_len - done);
    p->pending_len -= done;
    return p->pending_len == 0;
}

static int echo(struct peer *p) {
    if (p->pending_len > 0) {
        int r = flush_pending(p);
        if (r <= 0) return r; /* stop reading until the peer drains: bounded memory */
    }
    for (;;) {
        ssize_t n = read(p->fd, buffer, sizeof buffer);
        if (n == 0) return -1;
        if (n < 0) return errno == EAGAIN ? 1 : errno == EINTR ? echo(p) : -1;
        p->pending = realloc(p->pending, (size_t) n);
        memcpy(p->pending, buffer, (size_t) n);
        p->pending_len = (size_t) n;
        int r = flush_pending(p);
        if (r <= 0) return r;
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: tcp-echo PORT [MAX_SECONDS]\n");
        return 2;
    }
    alarm(argc > 2 ? (unsigned) atoi(argv[2]) : 600);
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t) atoi(argv[1])) };
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, (struct sockaddr *) &addr, sizeof addr) != 0 || listen(listener, 4096) != 0) {
        perror("tcp-echo: bind/listen");
        return 1;
    }
    socklen_t len = sizeof addr;
    getsockname(listener, (struct sockaddr *) &addr, &len);
    int ep = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN, .data.ptr = NULL };
    epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev);
    printf("tcp-echo ready on port %d\n", ntohs(addr.sin_port));
    fflush(stdout);
    struct epoll_event events[1024];
    for (;;) {
        int n = epoll_wait(ep, events, 1024, -1);
        for (int i = 0; i < n; i++) {
            struct peer *p = events[i].data.ptr;
            if (!p) {
                int fd;
                while ((fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    struct peer *np = calloc(1, sizeof *np);
                    np->fd = fd;
                    struct epoll_event pe = { .events = EPOLLIN | EPOLLOUT | EPOLLET, .data.ptr = np };
                    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &pe);
                }
                continue;
            }
            if (echo(p) < 0) drop(p);
        }
    }
}
