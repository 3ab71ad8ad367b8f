package org.campusmirror.ws.server;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.campusmirror.ws.server.internal.ClientConnector;
import org.campusmirror.ws.server.internal.IoLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A non-blocking WebSocket client (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-4.1">RFC 6455
 * section 4.1</a>) on the same engine and I/O loops as {@link WebSocketServer}: {@code ws://} and
 * {@code wss://}, subprotocols, extensions such as permessage-deflate, extra headers, a connect timeout and
 * HTTP {@code CONNECT} proxies. One client serves any number of connections; close it to stop its threads.
 *
 * <pre>{@code
 * try (WebSocketClient client = WebSocketClient.builder().build()) {
 *     WebSocket socket = client.connect(URI.create("ws://localhost:8081/echo"), ClientOptions.DEFAULTS,
 *             new WebSocketHandler() {
 *                 public void onText(WebSocket s, String text) { System.out.println(text); }
 *             }).get(10, TimeUnit.SECONDS);
 *     socket.sendText("hello");
 * }
 * }</pre>
 */
public final class WebSocketClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("org.campusmirror.ws.server");
    private final List<IoLoop> loops = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean closed;

    private WebSocketClient(Builder b) {
        for (int i = 0; i < b.ioThreads; i++) {
            IoLoop loop = new IoLoop(b.threadName + "-io-" + i, i, (ended, failure) -> {
                if (!closed) {
                    LOG.error("WebSocket client I/O thread {} ended: {}; its connections were dropped", ended.name(),
                            failure == null ? "it stopped" : failure.toString(), failure);
                }
            });
            loop.thread().setDaemon(true);
            loops.add(loop);
            loop.start();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Opens a connection to {@code uri} ({@code ws://} or {@code wss://}); the future completes once the
     * handshake is done (after {@code handler.onOpen}), or fails with a {@link WebSocketHandshakeException}
     * (refused), a {@link java.net.SocketTimeoutException} (connect timeout) or another {@link IOException}.
     */
    public CompletableFuture<WebSocket> connect(URI uri, ClientOptions options, WebSocketHandler handler) {
        Objects.requireNonNull(handler, "handler");
        String scheme = uri.getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("not a ws:// or wss:// URI: " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("no host in " + uri);
        }
        if (closed) {
            return CompletableFuture.failedFuture(new IOException("the client is closed"));
        }
        IoLoop loop = loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
        CompletableFuture<WebSocket> opened = new CompletableFuture<>();
        try {
            SocketChannel channel = SocketChannel.open();
            loop.sweepAtLeastEvery(options.connectTimeout().toNanos() / 4);
            loop.sweepAtLeastEvery(options.limits().protocol().closingTimeout().toNanos() / 4);
            loop.sweepAtLeastEvery(options.limits().closeLinger().toNanos() / 4);
            ClientConnector.connect(loop, channel, uri, options, handler, opened);
        } catch (IOException e) {
            opened.completeExceptionally(e);
        }
        return opened;
    }

    /** The I/O threads, for monitoring and tests. */
    public List<Thread> threads() {
        return loops.stream().map(IoLoop::thread).toList();
    }

    /** Drops every connection at once and ends the I/O threads (close sockets gracefully first if needed). */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        for (IoLoop loop : loops) {
            loop.stopNow();
        }
        for (IoLoop loop : loops) {
            loop.thread().join(Duration.ofSeconds(5).toMillis());
        }
    }

    /** Options of a client. */
    public static final class Builder {
        private int ioThreads = 1;
        private String threadName = "ws-client";

        private Builder() {
        }

        /** I/O threads (default 1: a client rarely needs more). */
        public Builder ioThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("ioThreads must be at least 1: " + threads);
            }
            this.ioThreads = threads;
            return this;
        }

        public Builder threadName(String prefix) {
            this.threadName = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        public WebSocketClient build() {
            return new WebSocketClient(this);
        }
    }
}
