/* wsload: open-loop WebSocket load generator, one thread, epoll, for one core.
 *
 * Built so that it is not the bottleneck: every frame is encoded and masked once at start and
 * copied into a batch buffer; each connection keeps many messages in flight and tops its window
 * up with one large write; echoes are counted from received byte totals (no per-message parsing)
 * unless the server may change the frame size (permessage-deflate), where only frame headers are
 * read and payloads skipped. Latency comes from write timestamps: echoes return in order, so the
 * n-th echoed message belongs to the write that completed message n.
 *
 * Modes: echo (each connection sends to /echo and counts its own echoes), broadcast (one or a few
 * senders on /broadcast, every connection counts deliveries), raw (no handshake: a plain TCP echo
 * server, to measure the generator's own ceiling). --verify N checks every echoed byte instead.
 * --allow-close (past-capacity runs): a connection the server closes is counted with its close code
 * (1006 when it ended without a close frame) instead of ending the run; the others go on.
 * Prints MEASURE_START and MEASURE_END lines at the window edges and one RESULT line of JSON. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "frames.h"
#include "handshake.h"
#include "histogram.h"

enum mode { MODE_ECHO, MODE_BROADCAST, MODE_RAW };

struct options {
    const char *host;
    int port;
    const char *path;
    enum mode mode;
    int conns;
    int size;
    int binary;
    int deflate;
    int senders;
    int window;               /* messages in flight per sender; 0 = from inflight_bytes */
    long inflight_bytes;      /* budgets that size the default window */
    long inflight_msgs;
    double rate;              /* messages/s over all senders; 0 = as fast as the window allows */
    double warmup;
    double duration;
    long verify;              /* messages per sender to check byte by byte; 0 = timed run */
    int count_frames;         /* 1 = walk frame headers, 0 = divide byte totals, -1 = auto */
    int timeout_ms;
    unsigned seed;
    int dump_payload;         /* print the payload and exit (to check it matches the Node client's) */
    int allow_close;          /* count connections the server closes instead of failing the run */
};

struct stamp {
    uint64_t end;             /* messages complete after this write */
    uint64_t t;               /* when the write returned, ns */
};

struct stamp_ring {
    struct stamp *s;
    uint64_t head;
    uint64_t mask;
};

struct conn {
    int fd;
    int sender;
    int closed;               /* --allow-close: the server closed it; close code in walker.close_code */
    int blocked;
    uint64_t tx_bytes;
    uint64_t rx_bytes;
    struct frame_walker walker;
    struct verifier *verifier;
    struct stamp_ring *ring;  /* own ring (echo), the sender's (broadcast), NULL = no latency */
    uint64_t ring_cursor;
    uint64_t lat_done;
};

static struct options opt;
static struct conn *conns;
static uint8_t *batch;
static size_t batch_len;
static size_t frame_len;      /* one client frame */
static size_t echo_len;       /* one server frame, when the size is fixed */
static uint64_t window;
static uint64_t refill_min;
static struct histogram latency;
static uint64_t lost_stamps;
static uint64_t global_sent;  /* messages completed by all senders */
static uint64_t run_start_ns;
static uint8_t read_buffer[1 << 20];
static uint64_t first_close_ns;   /* --allow-close: when the server first closed a connection */

static uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t) ts.tv_sec * 1000000000ull + (uint64_t) ts.tv_nsec;
}

static double cpu_seconds(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double) u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + (double) u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

static void die(const char *what) {
    fprintf(stderr, "wsload: %s\n", what);
    printf("RESULT {\"error\":\"%s\"}\n", what);
    fflush(stdout);
    exit(1);
}

static uint64_t received(const struct conn *c) {
    if (c->verifier) return c->verifier->messages;
    if (opt.count_frames) return c->walker.messages;
    return c->rx_bytes / echo_len;
}

static void usage(void) {
    fprintf(stderr,
        "usage: wsload --port N [--host 127.0.0.1] [--mode echo|broadcast|raw] [--path /echo]\n"
        "              [--conns 100] [--size 32] [--binary] [--deflate] [--senders 1]\n"
        "              [--window N | --inflight-msgs 65536 --inflight-bytes 8388608]\n"
        "              [--rate MSGS_PER_S]\n"
        "              [--warmup 5] [--duration 8] [--verify N] [--count frames|bytes] [--allow-close]\n"
        "       wsload --dump-payload [--size 32]\n");
    exit(2);
}

static void parse_options(int argc, char **argv) {
    opt = (struct options) { .host = "127.0.0.1", .port = 0, .path = NULL, .mode = MODE_ECHO, .conns = 100,
        .size = 32, .senders = 1, .inflight_bytes = 8 << 20, .inflight_msgs = 65536, .warmup = 5, .duration = 8, .count_frames = -1,
        .timeout_ms = 10000, .seed = 12345 };
    static const struct option longs[] = {
        { "host", 1, 0, 'h' }, { "port", 1, 0, 'p' }, { "path", 1, 0, 'P' }, { "mode", 1, 0, 'm' },
        { "conns", 1, 0, 'c' }, { "size", 1, 0, 's' }, { "binary", 0, 0, 'b' }, { "deflate", 0, 0, 'd' },
        { "senders", 1, 0, 'S' }, { "window", 1, 0, 'w' }, { "inflight-bytes", 1, 0, 'I' }, { "inflight-msgs", 1, 0, 'M' },
        { "rate", 1, 0, 'r' }, { "warmup", 1, 0, 'W' }, { "duration", 1, 0, 'D' }, { "verify", 1, 0, 'v' },
        { "count", 1, 0, 'C' }, { "seed", 1, 0, 'e' }, { "dump-payload", 0, 0, 'u' },
        { "allow-close", 0, 0, 'a' }, { 0, 0, 0, 0 } };
    int ch;
    while ((ch = getopt_long(argc, argv, "", longs, NULL)) != -1) {
        switch (ch) {
        case 'h': opt.host = optarg; break;
        case 'p': opt.port = atoi(optarg); break;
        case 'P': opt.path = optarg; break;
        case 'm':
            if (!strcmp(optarg, "echo")) opt.mode = MODE_ECHO;
            else if (!strcmp(optarg, "broadcast")) opt.mode = MODE_BROADCAST;
            else if (!strcmp(optarg, "raw")) opt.mode = MODE_RAW;
            else usage();
            break;
        case 'c': opt.conns = atoi(optarg); break;
        case 's': opt.size = atoi(optarg); break;
        case 'b': opt.binary = 1; break;
        case 'd': opt.deflate = 1; break;
        case 'S': opt.senders = atoi(optarg); break;
        case 'w': opt.window = atoi(optarg); break;
        case 'I': opt.inflight_bytes = atol(optarg); break;
        case 'M': opt.inflight_msgs = atol(optarg); break;
        case 'r': opt.rate = atof(optarg); break;
        case 'W': opt.warmup = atof(optarg); break;
        case 'D': opt.duration = atof(optarg); break;
        case 'v': opt.verify = atol(optarg); break;
        case 'C': opt.count_frames = !strcmp(optarg, "frames"); break;
        case 'e': opt.seed = (unsigned) atol(optarg); break;
        case 'u': opt.dump_payload = 1; break;
        case 'a': opt.allow_close = 1; break;
        default: usage();
        }
    }
    if (opt.dump_payload) return;
    if (opt.port <= 0 || opt.conns < 1 || opt.size < 0 || opt.senders < 1 || opt.duration <= 0 || opt.warmup < 0) usage();
    if (opt.mode == MODE_BROADCAST && opt.senders > opt.conns) usage();
    if (opt.mode == MODE_RAW && (opt.deflate || opt.verify)) usage();
    if (!opt.path) opt.path = opt.mode == MODE_BROADCAST ? "/broadcast" : "/echo";
    /* Compressed echoes vary in size, so only frame headers can count them. */
    if (opt.count_frames < 0) opt.count_frames = opt.deflate || opt.allow_close;
    if ((opt.deflate || opt.allow_close) && !opt.count_frames) usage();
    if (opt.allow_close && (opt.verify || opt.mode == MODE_RAW)) usage();
}

/* Window bits the server allows our compressor (client_max_window_bits=N in its answer). */
static int client_window_bits(const char *accepted) {
    const char *p = strstr(accepted, "client_max_window_bits=");
    return p ? atoi(p + strlen("client_max_window_bits=")) : 15;
}

static void open_connections(int epoll_fd, char *extensions, size_t ext_cap) {
    /* Offer what the `ws` client offers by default. We compress every message on its own, which
     * RFC 7692 allows whatever the server says about client_no_context_takeover. */
    const char *offer = opt.deflate ? "permessage-deflate; client_max_window_bits" : NULL;
    for (int i = 0; i < opt.conns; i++) {
        char err[256];
        int fd = tcp_connect(opt.host, opt.port, opt.timeout_ms, err, sizeof err);
        if (fd < 0) die(err);
        struct conn *c = &conns[i];
        memset(c, 0, sizeof *c);
        c->walker.allow_close = opt.allow_close;
        c->walker.close_code = -1;
        c->fd = fd;
        c->sender = opt.mode != MODE_BROADCAST || i < opt.senders;
        struct upgrade_result up = { 0 };
        if (opt.mode != MODE_RAW) {
            struct upgrade_request req = { opt.host, opt.port, opt.path, offer, opt.timeout_ms };
            if (ws_upgrade(fd, &req, &up, err, sizeof err) != 0) die(err);
            int accepted = strstr(up.extensions, "permessage-deflate") != NULL;
            if (accepted != opt.deflate) {
                die(opt.deflate ? "server did not accept permessage-deflate (is its deflate option on?)"
                                : "server negotiated an extension nobody offered");
            }
            if (i == 0) snprintf(extensions, ext_cap, "%s", up.extensions);
            else if (strcmp(extensions, up.extensions) != 0) die("connections negotiated different extensions");
        }
        if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) != 0) die("fcntl O_NONBLOCK failed");
        struct epoll_event ev = { .events = EPOLLIN | EPOLLOUT | EPOLLET | EPOLLRDHUP, .data.ptr = c };
        if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev) != 0) die("epoll_ctl failed");
        c->rx_bytes = up.leftover_len;
        if (up.leftover_len) walker_feed(&c->walker, up.leftover, up.leftover_len);
    }
}

static void build_frames(const char *extensions, uint8_t **payload_out) {
    uint8_t *payload = malloc((size_t) opt.size + 1);
    if (!payload) die("out of memory");
    payload_json(payload, (size_t) opt.size, opt.seed);
    *payload_out = payload;
    uint8_t mask[4] = { 0x37, 0xfa, 0x21, 0x3d };
    int opcode = opt.binary ? OP_BINARY : OP_TEXT;
    uint8_t *frame;
    if (opt.deflate) {
        uint8_t *packed;
        size_t packed_len;
        if (deflate_message(payload, (size_t) opt.size, client_window_bits(extensions), &packed, &packed_len) != 0) {
            die("deflate of the payload failed");
        }
        frame = frame_client(opcode, 1, packed, packed_len, mask, &frame_len);
        free(packed);
    } else {
        frame = frame_client(opcode, 0, payload, (size_t) opt.size, mask, &frame_len);
    }
    if (!frame) die("out of memory");
    echo_len = opt.mode == MODE_RAW ? frame_len : frame_server_len((size_t) opt.size);

    /* Default window: enough in flight that each syscall carries many messages (measured against
     * tcp-echo, the generator's CPU per message falls from ~4 us at window 4 to ~50 ns at 256),
     * bounded so queues stay modest: at most inflight_msgs messages (deliveries, for broadcast)
     * and inflight_bytes bytes in flight over all connections, 256 per connection at most. */
    uint64_t fan_out = opt.mode == MODE_BROADCAST ? (uint64_t) opt.conns : 1;
    uint64_t streams = opt.mode == MODE_BROADCAST ? (uint64_t) opt.senders : (uint64_t) opt.conns;
    uint64_t by_count = (uint64_t) opt.inflight_msgs / (streams * fan_out);
    uint64_t by_bytes = (uint64_t) opt.inflight_bytes / (streams * fan_out * (uint64_t) echo_len);
    window = by_count < by_bytes ? by_count : by_bytes;
    if (window > 256) window = 256;
    uint64_t min_window = opt.mode == MODE_BROADCAST ? 4 : 1;
    if (window < min_window) window = min_window;
    if (opt.window > 0) window = (uint64_t) opt.window;
    refill_min = opt.rate > 0 ? 1 : (window / 4 ? window / 4 : 1);

    size_t copies = window < 1024 ? (size_t) window : 1024;
    while (copies > 1 && copies * frame_len > (8u << 20)) copies--;
    batch_len = copies * frame_len;
    batch = malloc(batch_len);
    if (!batch) die("out of memory");
    for (size_t i = 0; i < copies; i++) memcpy(batch + i * frame_len, frame, frame_len);
    free(frame);
}

static struct stamp_ring *new_ring(uint64_t min_entries) {
    uint64_t n = 16;
    while (n < min_entries) n <<= 1;
    struct stamp_ring *r = calloc(1, sizeof *r);
    if (!r || !(r->s = calloc(n, sizeof r->s[0]))) die("out of memory");
    r->mask = n - 1;
    return r;
}

static void ring_push(struct stamp_ring *r, uint64_t end, uint64_t t) {
    r->s[r->head & r->mask] = (struct stamp) { end, t };
    r->head++;
}

static void record_latency(struct conn *c, uint64_t now) {
    struct stamp_ring *r = c->ring;
    if (!r) return;
    uint64_t done = received(c);
    while (c->ring_cursor < r->head) {
        if (r->head - c->ring_cursor > r->mask + 1) {
            lost_stamps += r->head - c->ring_cursor - (r->mask + 1);
            c->ring_cursor = r->head - (r->mask + 1);
        }
        const struct stamp *s = &r->s[c->ring_cursor & r->mask];
        uint64_t upto = s->end < done ? s->end : done;
        if (upto > c->lat_done) {
            hist_record(&latency, now > s->t ? now - s->t : 0, upto - c->lat_done);
            c->lat_done = upto;
        }
        if (s->end > done) break;
        c->ring_cursor++;
    }
}

/* --allow-close: the server ended this connection (its close code, if any, is in the walker). */
static void connection_ended(struct conn *c) {
    if (c->closed) return;
    c->closed = 1;
    if (c->walker.close_code < 0) c->walker.close_code = 1006;
    if (!first_close_ns) first_close_ns = now_ns();
    close(c->fd);
}

static void on_readable(struct conn *c, uint64_t now) {
    if (c->closed) return;
    for (;;) {
        ssize_t n = read(c->fd, read_buffer, sizeof read_buffer);
        if (n > 0) {
            c->rx_bytes += (uint64_t) n;
            if (c->verifier) verifier_feed(c->verifier, read_buffer, (size_t) n);
            else if (opt.count_frames) walker_feed(&c->walker, read_buffer, (size_t) n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) break;
        if (opt.allow_close) {
            connection_ended(c);
            return;
        }
        if (n == 0) die("server closed a connection during the run");
        die("read failed (connection reset by the server?)");
    }
    if (c->verifier && c->verifier->error) die(c->verifier->why);
    if (c->walker.error) die(c->walker.why);
    record_latency(c, now);
}

/* Tops the connection's window up with one large write (or what the socket takes). */
static void pump(struct conn *c, uint64_t now) {
    if (!c->sender || c->blocked || c->closed) return;
    uint64_t sent = c->tx_bytes / frame_len;
    uint64_t in_flight;
    if (opt.mode == MODE_BROADCAST) {
        uint64_t got = received(c);
        in_flight = global_sent > got ? global_sent - got : 0;
    } else {
        uint64_t got = received(c);
        in_flight = sent > got ? sent - got : 0;
    }
    uint64_t room = window > in_flight ? window - in_flight : 0;
    if (opt.mode == MODE_BROADCAST && opt.senders > 1) room = (room + (uint64_t) opt.senders - 1) / (uint64_t) opt.senders;
    /* Wait for a worthwhile batch, unless a rate or a verify count is what limits this write. */
    int batch_worthwhile = room >= refill_min;
    if (opt.rate > 0) {
        int streams = opt.mode == MODE_BROADCAST ? opt.senders : opt.conns;
        double per_sender = opt.rate / streams;
        /* Each sender's schedule starts at its own phase of the interval, so that a low rate over many senders
         * is an even stream, not all of them sending their first message at once. */
        double phase = (double) (c - conns) / streams;
        uint64_t due = (uint64_t) (per_sender * (double) (now - run_start_ns) / 1e9 + phase);
        uint64_t owed = due > sent ? due - sent : 0;
        if (owed < room) room = owed;
    }
    if (opt.verify > 0) {
        uint64_t left = (uint64_t) opt.verify > sent ? (uint64_t) opt.verify - sent : 0;
        if (left <= room) {
            room = left;
            batch_worthwhile = 1;
        }
    }
    if (room == 0 || (!batch_worthwhile && c->tx_bytes % frame_len == 0)) return;
    uint64_t bytes = (sent + room) * frame_len - c->tx_bytes;
    while (bytes > 0) {
        size_t at = (size_t) (c->tx_bytes % frame_len);
        size_t chunk = batch_len - at < bytes ? batch_len - at : (size_t) bytes;
        ssize_t w = write(c->fd, batch + at, chunk);
        if (w < 0) {
            if (errno == EINTR) continue;
            if (errno == EAGAIN) {
                c->blocked = 1;
                break;
            }
            if (opt.allow_close) {
                connection_ended(c);
                return;
            }
            die("write failed (connection reset by the server?)");
        }
        c->tx_bytes += (uint64_t) w;
        bytes -= (uint64_t) w;
    }
    uint64_t now_sent = c->tx_bytes / frame_len;
    if (now_sent > sent) {
        global_sent += now_sent - sent;
        if (c->ring) ring_push(c->ring, opt.mode == MODE_BROADCAST ? global_sent : now_sent, now_ns());
    }
}

struct totals {
    uint64_t received;
    uint64_t sent;
    uint64_t rx_bytes;
    uint64_t tx_bytes;
};

static struct totals totals(void) {
    struct totals t = { 0 };
    for (int i = 0; i < opt.conns; i++) {
        t.received += received(&conns[i]);
        t.rx_bytes += conns[i].rx_bytes;
        t.tx_bytes += conns[i].tx_bytes;
    }
    t.sent = global_sent;
    return t;
}

static int verification_done(void) {
    uint64_t want = opt.mode == MODE_BROADCAST ? (uint64_t) opt.verify * (uint64_t) opt.senders : (uint64_t) opt.verify;
    for (int i = 0; i < opt.conns; i++) {
        if (received(&conns[i]) < want) return 0;
    }
    return 1;
}

static void close_connections(void) {
    static const uint8_t close_frame[] = { 0x88, 0x82, 0x11, 0x22, 0x33, 0x44, 0x03 ^ 0x11, 0xE8 ^ 0x22 };
    for (int i = 0; i < opt.conns; i++) {
        if (conns[i].closed) continue;
        if (opt.mode != MODE_RAW) {
            ssize_t ignored = write(conns[i].fd, close_frame, sizeof close_frame);
            (void) ignored;
        }
        close(conns[i].fd);
    }
}

/* --allow-close: ,"closed":N,"close_codes":{"1013":n,...},"first_close_s":t (empty without the option). */
static const char *closes_json(void) {
    static char out[512];
    if (!opt.allow_close) return "";
    int codes[8], counts[8], distinct = 0, closed = 0;
    for (int i = 0; i < opt.conns; i++) {
        if (!conns[i].closed && conns[i].walker.close_code < 0) continue;
        closed++;
        int code = conns[i].walker.close_code, k = 0;
        while (k < distinct && codes[k] != code) k++;
        if (k == distinct && distinct < 8) { codes[distinct] = code; counts[distinct++] = 0; }
        if (k < distinct) counts[k]++;
    }
    int at = snprintf(out, sizeof out, ",\"closed\":%d,\"close_codes\":{", closed);
    for (int k = 0; k < distinct && at < (int) sizeof out; k++) {
        at += snprintf(out + at, sizeof out - (size_t) at, "%s\"%d\":%d", k ? "," : "", codes[k], counts[k]);
    }
    if (at < (int) sizeof out) {
        snprintf(out + at, sizeof out - (size_t) at, "},\"first_close_s\":%.2f",
                first_close_ns ? (double) (first_close_ns - run_start_ns) / 1e9 : -1.0);
    }
    return out;
}

static const char *mode_name(void) {
    return opt.mode == MODE_ECHO ? "echo" : opt.mode == MODE_BROADCAST ? "broadcast" : "raw";
}

int main(int argc, char **argv) {
    parse_options(argc, argv);
    if (opt.dump_payload) {
        uint8_t *text = malloc((size_t) opt.size + 1);
        if (!text) die("out of memory");
        payload_json(text, (size_t) opt.size, opt.seed);
        fwrite(text, 1, (size_t) opt.size, stdout);
        return 0;
    }
    srand(opt.seed ^ (unsigned) getpid());
    signal(SIGPIPE, SIG_IGN);
    /* Bounded no matter what the server does: the kernel ends us if the run overstays. */
    alarm((unsigned) (opt.warmup + opt.duration) + 120);

    conns = calloc((size_t) opt.conns, sizeof conns[0]);
    int epoll_fd = epoll_create1(0);
    if (!conns || epoll_fd < 0) die("setup failed");
    char extensions[256] = "";
    open_connections(epoll_fd, extensions, sizeof extensions);
    uint8_t *payload;
    build_frames(extensions, &payload);

    int reset_each = strstr(extensions, "server_no_context_takeover") != NULL;
    struct stamp_ring *shared = NULL;
    if (opt.mode == MODE_BROADCAST && opt.senders == 1 && !opt.verify) shared = new_ring(1 << 16);
    for (int i = 0; i < opt.conns; i++) {
        struct conn *c = &conns[i];
        if (opt.verify) {
            c->verifier = malloc(sizeof *c->verifier);
            if (!c->verifier || verifier_init(c->verifier, payload, (size_t) opt.size, opt.binary ? OP_BINARY : OP_TEXT,
                    reset_each) != 0) die("out of memory");
        } else if (opt.mode == MODE_BROADCAST) {
            c->ring = shared;
        } else {
            c->ring = new_ring(window + 4);
        }
    }
    printf("CONNECTED %d %s window=%" PRIu64 " frame=%zu echo=%zu extensions=\"%s\"\n", opt.conns, mode_name(),
            window, frame_len, echo_len, extensions);
    fflush(stdout);

    struct epoll_event events[1024];
    run_start_ns = now_ns();
    uint64_t measure_at = run_start_ns + (uint64_t) (opt.warmup * 1e9);
    uint64_t end_at = measure_at + (uint64_t) (opt.duration * 1e9);
    int measuring = 0;
    struct totals first = { 0 }, last = { 0 };
    double cpu_first = 0, cpu_last = 0;
    uint64_t t_first = 0, t_last = 0;
    for (int i = 0; i < opt.conns; i++) pump(&conns[i], run_start_ns);

    for (;;) {
        int n = epoll_wait(epoll_fd, events, 1024, opt.rate > 0 ? 1 : 50);
        if (n < 0 && errno != EINTR) die("epoll_wait failed");
        uint64_t now = now_ns();
        for (int i = 0; i < n; i++) {
            struct conn *c = events[i].data.ptr;
            if (events[i].events & EPOLLIN) on_readable(c, now);
            if (events[i].events & (EPOLLERR | EPOLLHUP | EPOLLRDHUP)) {
                if (!opt.allow_close) die("server dropped a connection");
                on_readable(c, now); /* reads what is left, then counts it ended */
                connection_ended(c);
            }
            if (events[i].events & EPOLLOUT) c->blocked = 0;
            pump(c, now);
        }
        if (opt.mode == MODE_BROADCAST || opt.rate > 0) {
            for (int i = 0; i < opt.conns && conns[i].sender; i++) pump(&conns[i], now);
        }
        if (opt.verify) {
            if (verification_done()) break;
            continue;
        }
        if (!measuring && now >= measure_at) {
            first = totals();
            cpu_first = cpu_seconds();
            t_first = now;
            hist_reset(&latency);
            measuring = 1;
            printf("MEASURE_START\n");
            fflush(stdout);
        } else if (measuring && now >= end_at) {
            last = totals();
            cpu_last = cpu_seconds();
            t_last = now;
            printf("MEASURE_END\n");
            fflush(stdout);
            /* Stay alive a moment (idle) so whoever watches can read our /proc figures. */
            usleep(300000);
            break;
        }
    }

    if (opt.verify) {
        struct totals t = totals();
        uint64_t compressed = 0;
        for (int i = 0; i < opt.conns; i++) compressed += conns[i].verifier->compressed;
        printf("RESULT {\"tool\":\"wsload\",\"mode\":\"%s\",\"verify\":true,\"conns\":%d,\"size\":%d,\"deflate\":%s,"
               "\"extensions\":\"%s\",\"messages_checked\":%" PRIu64 ",\"compressed\":%" PRIu64 ",\"sent\":%" PRIu64
               ",\"ok\":true}\n",
                mode_name(), opt.conns, opt.size, opt.deflate ? "true" : "false", extensions, t.received, compressed, t.sent);
        close_connections();
        return 0;
    }
    double seconds = (double) (t_last - t_first) / 1e9;
    double received_rate = (double) (last.received - first.received) / seconds;
    double sent_rate = (double) (last.sent - first.sent) / seconds;
    printf("RESULT {\"tool\":\"wsload\",\"mode\":\"%s\",\"conns\":%d,\"senders\":%d,\"size\":%d,\"opcode\":\"%s\","
           "\"deflate\":%s,\"extensions\":\"%s\",\"count\":\"%s\",\"window\":%" PRIu64 ",\"rate\":%.0f,"
           "\"warmup_s\":%.1f,\"seconds\":%.3f,\"messages\":%" PRIu64 ",\"msgs_per_sec\":%.0f,\"sent_per_sec\":%.0f,"
           "\"rx_mbit_per_sec\":%.1f,\"tx_mbit_per_sec\":%.1f,\"client_cpu_pct\":%.1f,"
           "\"latency_us\":{\"p50\":%.1f,\"p99\":%.1f,\"p999\":%.1f,\"max\":%.1f,\"samples\":%" PRIu64 "},"
           "\"lost_stamps\":%" PRIu64 "%s}\n",
            mode_name(), opt.conns, opt.mode == MODE_BROADCAST ? opt.senders : opt.conns, opt.size,
            opt.binary ? "binary" : "text", opt.deflate ? "true" : "false", extensions,
            opt.count_frames ? "frames" : "bytes", window, opt.rate, opt.warmup, seconds,
            last.received - first.received, received_rate, sent_rate,
            (double) (last.rx_bytes - first.rx_bytes) * 8 / seconds / 1e6,
            (double) (last.tx_bytes - first.tx_bytes) * 8 / seconds / 1e6,
            100.0 * (cpu_last - cpu_first) / seconds,
            hist_quantile(&latency, 0.50) / 1e3, hist_quantile(&latency, 0.99) / 1e3,
            hist_quantile(&latency, 0.999) / 1e3, latency.max / 1e3, latency.total, lost_stamps, closes_json());
    fflush(stdout);
    close_connections();
    return 0;
}
