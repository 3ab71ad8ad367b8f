package org.campusmirror.ws.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.server.internal.ServerCore;
import org.campusmirror.ws.server.internal.TrustedProxies;

/**
 * A non-blocking WebSocket server (<a href="https://www.rfc-editor.org/rfc/rfc6455">RFC 6455</a>) on
 * {@code java.nio} selectors, driving the ws.protocol engine: endpoints routed by path on one port, an
 * upgrade hook per endpoint, broadcast that encodes a frame once, heartbeats, backpressure, limits and TLS.
 * Plain Java; no OSGi needed.
 *
 * <pre>{@code
 * WebSocketServer server = WebSocketServer.builder()
 *         .port(8081)
 *         .endpoint("/echo", new WebSocketEndpoint() {
 *             public void onTextUtf8(WebSocket s, ByteBuffer utf8) { s.sendText(utf8); }
 *             public void onBinary(WebSocket s, ByteBuffer data) { s.sendBinary(data); }
 *         })
 *         .build()
 *         .start();
 * ...
 * server.close(); // 1001 to everyone, bounded wait, threads gone
 * }</pre>
 *
 * <p>Threads: {@link Builder#ioThreads(int)} selector loops (default: half the available processors, at
 * least one, see {@link #defaultIoThreads()}). Each connection lives on one loop; its handler runs there.
 */
public final class WebSocketServer implements AutoCloseable {
    /**
     * Service property by which a service says it stands for a part of the mirror's readiness (mirror.runtime's
     * {@code Readiness} tracks it). Defined here because ws.server must not depend on mirror.runtime.
     */
    public static final String READY_PART_PROPERTY = "mirror.ready.part";
    /**
     * The readiness part the WebSocket server stands for: in OSGi the server is registered as a service with
     * {@value #READY_PART_PROPERTY}={@value #READY_PART} while it listens and all its I/O threads run.
     */
    public static final String READY_PART = "websocket";

    private final ServerCore core;
    private final ServerLimits limits;
    private final List<Registration> initial;

    private WebSocketServer(Builder b, SSLContext tls) {
        this.limits = b.limits;
        this.initial = List.copyOf(b.endpoints);
        this.core = new ServerCore(new ServerCore.Settings(new InetSocketAddress(b.bindAddress, b.port), b.ioThreads,
                b.reusePort, b.limits, tls, TrustedProxies.of(b.trustedProxies), b.threadName, b.monitor));
        for (Registration r : initial) {
            core.addEndpoint(r.path, r.endpoint, r.options);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The default number of I/O threads: half the processors this JVM may use, at least 1. On a 4-core
     * Raspberry Pi that is 2: enough to keep two cores busy with WebSocket traffic while the other two serve
     * the HTTP server, the widgets, the JIT and the garbage collector; a process pinned to one core (as
     * the benchmarks pin it) gets one loop and no thread switching.
     */
    public static int defaultIoThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** Binds the port and starts the I/O threads. */
    public WebSocketServer start() throws IOException {
        core.start();
        return this;
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return core.port();
    }

    public ServerLimits limits() {
        return limits;
    }

    /** Serves {@code endpoint} at {@code path} from now on. */
    public void addEndpoint(String path, WebSocketEndpoint endpoint, EndpointOptions options) {
        core.addEndpoint(path, endpoint, options);
    }

    /** Stops serving {@code path}: new upgrades get 404, open connections are closed with 1001. */
    public boolean removeEndpoint(String path) {
        return core.removeEndpoint(path);
    }

    /** Open connections on {@code path}. */
    public int connectionCount(String path) throws InterruptedException {
        return core.connectionCount(path);
    }

    /**
     * Sends {@code text} to every open connection of the endpoint at {@code path}: encoded once, the same
     * bytes queued on each connection; connections over their high-water mark skip it under
     * {@link SlowConsumerPolicy#DROP_BROADCASTS}. Returns false when no endpoint is served there.
     */
    public boolean broadcast(String path, String text) {
        return core.broadcast(path, OpCode.TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Sends a text message given as UTF-8 bytes (checked) to every connection at {@code path}, encoded once. */
    public boolean broadcastText(String path, ByteBuffer utf8) {
        if (!org.campusmirror.ws.protocol.Utf8Validator.isValid(utf8)) {
            throw new IllegalArgumentException("text is not valid UTF-8");
        }
        return core.broadcast(path, OpCode.TEXT, utf8);
    }

    /** Sends a binary message to every open connection at {@code path}, encoded once. */
    public boolean broadcastBinary(String path, ByteBuffer data) {
        return core.broadcast(path, OpCode.BINARY, data);
    }

    /** Sends {@code text} to each of {@code targets} (connections of this server), encoded once. */
    public void broadcast(Collection<? extends WebSocket> targets, String text) {
        core.broadcast(targets, OpCode.TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    public ServerStats stats() {
        return core.stats();
    }

    /** The I/O threads, for monitoring and tests. */
    public List<Thread> threads() {
        return core.threads();
    }

    /** Graceful stop with {@link ServerLimits#shutdownGrace()}: see {@link #close(Duration)}. */
    @Override
    public void close() throws InterruptedException {
        close(limits.shutdownGrace());
    }

    /**
     * Stops accepting, closes every connection with 1001 (going away), waits up to {@code grace} for the
     * closing handshakes, then closes what is left and ends the I/O threads. Returns whether all ended.
     */
    public boolean close(Duration grace) throws InterruptedException {
        return core.close(grace);
    }

    private record Registration(String path, WebSocketEndpoint endpoint, EndpointOptions options) {
    }

    /** Options of a server; every one has a default (port 8081 on all interfaces, no TLS). */
    public static final class Builder {
        private int port = 8081;
        private InetAddress bindAddress;
        private int ioThreads = defaultIoThreads();
        private boolean reusePort;
        private ServerLimits limits = ServerLimits.DEFAULTS;
        private TlsConfig tlsConfig;
        private SSLContext sslContext;
        private List<String> trustedProxies = List.of();
        private final List<Registration> endpoints = new ArrayList<>();
        private String threadName = "ws";
        private ServerMonitor monitor = ServerMonitor.NONE;

        private Builder() {
        }

        /** The port; 0 picks a free one ({@link WebSocketServer#port()} tells which). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to listen on (default: all interfaces). */
        public Builder bindAddress(InetAddress address) {
            this.bindAddress = address;
            return this;
        }

        public Builder ioThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("ioThreads must be at least 1: " + threads);
            }
            this.ioThreads = threads;
            return this;
        }

        /**
         * One listening socket per I/O thread with {@code SO_REUSEPORT} (the kernel spreads new connections)
         * instead of one socket whose loop deals connections to the others.
         */
        public Builder reusePort(boolean reusePort) {
            this.reusePort = reusePort;
            return this;
        }

        public Builder limits(ServerLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Serve wss from a key store. */
        public Builder tls(TlsConfig tls) {
            this.tlsConfig = tls;
            return this;
        }

        /** Serve wss with a ready TLS context. */
        public Builder tls(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        /**
         * Reverse proxies (IP addresses or CIDR ranges) whose {@code Forwarded} / {@code X-Forwarded-For}
         * headers are believed for {@link WebSocket#remoteAddress()}.
         */
        public Builder trustedProxies(List<String> proxies) {
            TrustedProxies.of(proxies); // fail early on a bad entry
            this.trustedProxies = List.copyOf(proxies);
            return this;
        }

        public Builder endpoint(String path, WebSocketEndpoint endpoint) {
            return endpoint(path, endpoint, EndpointOptions.DEFAULTS);
        }

        public Builder endpoint(String path, WebSocketEndpoint endpoint, EndpointOptions options) {
            endpoints.add(new Registration(path, endpoint, options));
            return this;
        }

        /** Told when an I/O thread fails and when it runs again (default: nobody; the server logs it anyway). */
        public Builder monitor(ServerMonitor monitor) {
            this.monitor = Objects.requireNonNull(monitor, "monitor");
            return this;
        }

        /** Prefix of the I/O threads' names (default {@code ws}). */
        public Builder threadName(String prefix) {
            this.threadName = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * @throws IllegalArgumentException when the TLS key store cannot be read
         */
        public WebSocketServer build() {
            SSLContext tls = sslContext;
            if (tls == null && tlsConfig != null) {
                try {
                    tls = tlsConfig.serverContext();
                } catch (IOException | GeneralSecurityException e) {
                    throw new IllegalArgumentException("cannot load the TLS key store " + tlsConfig + ": " + e, e);
                }
            }
            return new WebSocketServer(this, tls);
        }
    }
}
