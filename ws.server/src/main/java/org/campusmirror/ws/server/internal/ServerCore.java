package org.campusmirror.ws.server.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

import org.campusmirror.ws.deflate.PerMessageDeflate;
import org.campusmirror.ws.deflate.SharedMessage;
import org.campusmirror.ws.protocol.EncodedFrame;
import org.campusmirror.ws.protocol.Frame;
import org.campusmirror.ws.protocol.FrameWriter;
import org.campusmirror.ws.protocol.HandshakeRejection;
import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.server.EndpointOptions;
import org.campusmirror.ws.server.ServerLimits;
import org.campusmirror.ws.server.ServerStats;
import org.campusmirror.ws.server.SlowConsumerPolicy;
import org.campusmirror.ws.server.WebSocket;
import org.campusmirror.ws.server.WebSocketEndpoint;

/**
 * The running server behind {@code WebSocketServer}: the listening socket(s), the I/O loops, the endpoint
 * table and the counters.
 *
 * <p>Accepting: by default loop 0 accepts and deals new connections round-robin to every loop (one listening
 * socket). With {@code reusePort} each loop has its own listening socket on the same port
 * ({@code SO_REUSEPORT}) and the kernel spreads connections, so accepting costs no hand-over.
 */
public final class ServerCore {
    private static final ByteBuffer OVER_LIMIT = HandshakeRejection.of(503).toBytes().asReadOnlyBuffer();
    private static final long OVER_LIMIT_LOG_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * What the server needs to start.
     *
     * @param address   where to listen
     * @param ioThreads number of I/O loops
     * @param reusePort one listening socket per loop with {@code SO_REUSEPORT}
     * @param limits    the limits
     * @param tls       the TLS context, or null for plain ws
     * @param proxies   trusted reverse proxies
     * @param name      thread name prefix
     */
    public record Settings(InetSocketAddress address, int ioThreads, boolean reusePort, ServerLimits limits,
            SSLContext tls, TrustedProxies proxies, String name) {
    }

    private final Settings settings;
    private final IoLoop[] loops;
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final Map<String, EndpointRegistration> endpoints = new ConcurrentHashMap<>();
    private final Counters counters = new Counters();
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final AtomicLong overLimitLogged = new AtomicLong(System.nanoTime() - OVER_LIMIT_LOG_NANOS);
    private final AtomicLong overLimitSinceLog = new AtomicLong();
    private volatile boolean closing;
    private int port;

    public ServerCore(Settings settings) {
        this.settings = settings;
        this.loops = new IoLoop[settings.ioThreads()];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new IoLoop(settings.name() + "-io-" + i, i);
        }
        long handshake = settings.limits().protocol().handshakeTimeout().toNanos();
        for (IoLoop loop : loops) {
            loop.sweepAtLeastEvery(handshake / 4);
            if (!settings.limits().idleTimeout().isZero()) {
                loop.sweepAtLeastEvery(settings.limits().idleTimeout().toNanos() / 4);
            }
            loop.sweepAtLeastEvery(settings.limits().slowConsumerGrace().toNanos() / 4);
            loop.sweepAtLeastEvery(settings.limits().closeLinger().toNanos() / 4);
        }
    }

    /** Binds and starts the loops; returns the bound port. */
    public int start() throws IOException {
        try {
            int count = settings.reusePort() ? loops.length : 1;
            InetSocketAddress address = settings.address();
            for (int i = 0; i < count; i++) {
                ServerSocketChannel listener = ServerSocketChannel.open();
                listeners.add(listener);
                listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                if (settings.reusePort()) {
                    listener.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                }
                listener.bind(address, 1024);
                listener.configureBlocking(false);
                if (i == 0) {
                    port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
                    address = new InetSocketAddress(address.getAddress(), port); // the others join this port
                }
                IoLoop owner = loops[i];
                Acceptor acceptor = new Acceptor(listener, owner);
                owner.register(listener, SelectionKey.OP_ACCEPT, acceptor);
            }
        } catch (IOException | RuntimeException e) {
            closeListeners();
            throw e;
        }
        for (IoLoop loop : loops) {
            loop.start();
        }
        return port;
    }

    public int port() {
        return port;
    }

    ServerLimits limits() {
        return settings.limits();
    }

    TrustedProxies proxies() {
        return settings.proxies();
    }

    Counters counters() {
        return counters;
    }

    public ServerStats stats() {
        return counters.snapshot();
    }

    /** The I/O threads (for tests that check none is left behind). */
    public List<Thread> threads() {
        List<Thread> threads = new ArrayList<>();
        for (IoLoop loop : loops) {
            threads.add(loop.thread());
        }
        return threads;
    }

    // ---------------------------------------------------------------- endpoints

    public void addEndpoint(String path, WebSocketEndpoint endpoint, EndpointOptions options) {
        EndpointRegistration.requireValidPath(path);
        EndpointRegistration registration = new EndpointRegistration(path, endpoint, options,
                settings.limits().protocol(), loops.length);
        if (endpoints.putIfAbsent(path, registration) != null) {
            throw new IllegalStateException("an endpoint is already served at " + path);
        }
        if (registration.heartbeatNanos > 0) {
            for (IoLoop loop : loops) {
                loop.sweepAtLeastEvery(registration.heartbeatNanos / 4);
            }
        }
    }

    /** Stops serving {@code path}; its open connections are closed with 1001 (going away). */
    public boolean removeEndpoint(String path) {
        EndpointRegistration registration = endpoints.remove(path);
        if (registration == null) {
            return false;
        }
        registration.removed = true;
        registration.releaseExtensions();
        for (IoLoop loop : loops) {
            loop.execute(() -> registration.sessions(loop).forEach(
                    s -> s.closeWith(org.campusmirror.ws.protocol.CloseStatus.GOING_AWAY, "endpoint removed")));
        }
        return true;
    }

    EndpointRegistration route(String path) {
        return endpoints.get(path);
    }

    /** How many connections are open on {@code path} now (counted on each loop; waits for them briefly). */
    public int connectionCount(String path) throws InterruptedException {
        EndpointRegistration registration = endpoints.get(path);
        if (registration == null) {
            return 0;
        }
        AtomicInteger total = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(loops.length);
        for (IoLoop loop : loops) {
            loop.execute(() -> {
                total.addAndGet(registration.sessions(loop).size());
                done.countDown();
            });
        }
        if (!done.await(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the I/O loops did not answer");
        }
        return total.get();
    }

    // ---------------------------------------------------------------- broadcast

    /**
     * Encodes one frame and queues the same bytes on every open connection of {@code path}. Returns false when
     * no endpoint is served there.
     */
    public boolean broadcast(String path, OpCode type, ByteBuffer payload) {
        EndpointRegistration registration = endpoints.get(path);
        if (registration == null) {
            return false;
        }
        Broadcast message = encode(registration, type, payload);
        for (IoLoop loop : loops) {
            loop.execute(() -> registration.sessions(loop).forEach(s -> deliver(s, message)));
        }
        return true;
    }

    /** Encodes one frame and queues it on each of {@code targets} that is one of this server's connections. */
    public void broadcast(Collection<? extends WebSocket> targets, OpCode type, ByteBuffer payload) {
        Map<IoLoop, List<Session>> byLoop = new IdentityHashMap<>();
        for (WebSocket target : targets) {
            if (target instanceof ServerSession session && session.registration() != null
                    && isMine(session.loop)) {
                byLoop.computeIfAbsent(session.loop, l -> new ArrayList<>()).add(session);
            }
        }
        if (byLoop.isEmpty()) {
            return;
        }
        Broadcast message = encode(((ServerSession) byLoop.values().iterator().next().get(0)).registration(), type,
                payload);
        byLoop.forEach((loop, sessions) -> loop.execute(() -> sessions.forEach(s -> deliver(s, message))));
    }

    /**
     * A message encoded once: with permessage-deflate on the endpoint, a plain and (above the threshold) a
     * compressed frame, each connection taking the one its negotiation allows; else one plain frame.
     */
    private record Broadcast(EncodedFrame plain, SharedMessage shared) {
        EncodedFrame frameFor(Session session) {
            return shared == null ? plain : shared.frameFor(session.connection);
        }
    }

    private Broadcast encode(EndpointRegistration registration, OpCode type, ByteBuffer payload) {
        counters.broadcastsEncoded.increment();
        PerMessageDeflate deflate = registration == null ? null : registration.deflate();
        if (deflate != null) {
            return new Broadcast(null, deflate.encodeShared(type, payload));
        }
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload.duplicate()).flip();
        return new Broadcast(FrameWriter.encodeShared(Frame.of(type, copy)), null);
    }

    private void deliver(Session session, Broadcast message) {
        if (session.overHighWater() && settings.limits().slowConsumer() == SlowConsumerPolicy.DROP_BROADCASTS) {
            counters.broadcastsDropped.increment();
            IoLoop.LOG.debug("{}: slow consumer, a broadcast was skipped", session);
            return;
        }
        if (!session.isClosed() && session.connection != null && session.deliverShared(message.frameFor(session))) {
            counters.broadcastDeliveries.increment();
        }
    }

    private boolean isMine(IoLoop loop) {
        for (IoLoop mine : loops) {
            if (mine == loop) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- accepting

    /** Accepts on one listening socket, on its loop. */
    private final class Acceptor implements Selectable {
        private final ServerSocketChannel listener;
        private final IoLoop loop;

        Acceptor(ServerSocketChannel listener, IoLoop loop) {
            this.listener = listener;
            this.loop = loop;
        }

        @Override
        public void ready(int readyOps) {
            for (int i = 0; i < 64 && !closing; i++) {
                SocketChannel channel;
                try {
                    channel = listener.accept();
                } catch (IOException e) {
                    IoLoop.LOG.warn("accept failed: {}", e.toString());
                    return;
                }
                if (channel == null) {
                    return;
                }
                accepted(channel, loop, settings.reusePort() ? loop
                        : loops[Math.floorMod(nextLoop.getAndIncrement(), loops.length)]);
            }
        }
    }

    private void accepted(SocketChannel channel, IoLoop acceptor, IoLoop target) {
        counters.accepted.increment();
        if (counters.open.incrementAndGet() > settings.limits().maxConnections()) {
            counters.open.decrementAndGet();
            refuse(channel, acceptor);
            return;
        }
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException e) {
            counters.open.decrementAndGet();
            closeQuietly(channel);
            return;
        }
        if (target.inLoop()) {
            startSession(channel, target);
        } else {
            target.execute(() -> startSession(channel, target));
        }
    }

    private void startSession(SocketChannel channel, IoLoop loop) {
        InetSocketAddress peer;
        try {
            peer = (InetSocketAddress) channel.getRemoteAddress();
        } catch (IOException e) {
            counters.open.decrementAndGet();
            closeQuietly(channel);
            return;
        }
        ServerSession session = new ServerSession(this, loop, channel, peer);
        try {
            if (closing) {
                throw new IOException("server is closing");
            }
            session.start(settings.tls() == null ? null : new TlsWire(serverEngine(peer)));
        } catch (IOException e) {
            IoLoop.LOG.debug("cannot start a session for {}: {}", peer, e.toString());
            session.closeTransport();
        }
    }

    private SSLEngine serverEngine(InetSocketAddress peer) {
        SSLEngine engine = settings.tls().createSSLEngine(peer.getHostString(), peer.getPort());
        engine.setUseClientMode(false);
        return engine;
    }

    /**
     * Over the connection limit: a best-effort 503, FIN, and a short linger that drops what the client still
     * sends (a bounded number per loop, else closed at once); no session, no buffer (one line per 10 s). A TLS
     * client expects a handshake, not plain text: it gets the connection closed.
     */
    private void refuse(SocketChannel channel, IoLoop acceptor) {
        counters.refusedOverLimit.increment();
        boolean lingering = false;
        try {
            channel.configureBlocking(false);
            if (settings.tls() == null) {
                channel.write(OVER_LIMIT.duplicate());
                channel.shutdownOutput();
                lingering = acceptor.lingerRefused(channel, settings.limits().closeLinger().toNanos());
            }
        } catch (IOException e) {
            IoLoop.LOG.debug("503 not written: {}", e.toString());
        }
        if (!lingering) {
            closeQuietly(channel);
        }
        long refusedSince = overLimitSinceLog.incrementAndGet();
        long now = System.nanoTime();
        long last = overLimitLogged.get();
        if (now - last >= OVER_LIMIT_LOG_NANOS && overLimitLogged.compareAndSet(last, now)) {
            overLimitSinceLog.addAndGet(-refusedSince);
            IoLoop.LOG.warn("connection limit {} reached: refused {} connection(s) with 503",
                    settings.limits().maxConnections(), refusedSince);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            IoLoop.LOG.debug("close failed: {}", e.toString());
        }
    }

    // ---------------------------------------------------------------- stopping

    /**
     * Stops accepting, closes every connection with 1001, waits up to {@code grace} for the closing
     * handshakes, then drops what is left and ends the I/O threads. Returns whether every thread ended.
     */
    public boolean close(Duration grace) throws InterruptedException {
        if (closing) {
            return awaitThreads(grace.plusSeconds(2));
        }
        closing = true;
        closeListeners();
        CountDownLatch drained = new CountDownLatch(loops.length);
        for (IoLoop loop : loops) {
            if (loop.thread().isAlive()) {
                loop.shutdown(grace.toNanos(), drained::countDown);
            } else {
                drained.countDown();
            }
        }
        drained.await(grace.toMillis() + 2000, TimeUnit.MILLISECONDS);
        boolean ended = awaitThreads(Duration.ofSeconds(2));
        endpoints.values().forEach(EndpointRegistration::releaseExtensions);
        return ended;
    }

    private boolean awaitThreads(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (IoLoop loop : loops) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left > 0) {
                loop.thread().join(left);
            }
            if (loop.thread().isAlive()) {
                loop.stopNow();
            }
        }
        boolean allEnded = true;
        for (IoLoop loop : loops) {
            loop.thread().join(1000);
            allEnded &= !loop.thread().isAlive();
        }
        return allEnded;
    }

    private void closeListeners() {
        for (ServerSocketChannel listener : listeners) {
            try {
                listener.close();
            } catch (IOException e) {
                IoLoop.LOG.debug("closing the listening socket: {}", e.toString());
            }
        }
    }

    public boolean isClosing() {
        return closing;
    }
}
