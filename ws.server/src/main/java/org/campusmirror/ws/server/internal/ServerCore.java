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

import org.campusmirror.ws.protocol.CloseStatus;
import org.campusmirror.ws.protocol.HandshakeRejection;
import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.server.EndpointOptions;
import org.campusmirror.ws.server.ServerLimits;
import org.campusmirror.ws.server.ServerMonitor;
import org.campusmirror.ws.server.ServerStats;
import org.campusmirror.ws.server.WebSocket;
import org.campusmirror.ws.server.WebSocketEndpoint;

/**
 * The running server behind {@code WebSocketServer}: the listening socket(s), the I/O loops, the endpoint
 * table and the counters.
 *
 * <p>Accepting: by default loop 0 accepts and deals new connections round-robin to every loop (one listening
 * socket). With {@code reusePort} each loop has its own listening socket on the same port
 * ({@code SO_REUSEPORT}) and the kernel spreads connections, so accepting costs no hand-over.
 *
 * <p>Memory: one {@link MemoryBudget} for every connection's output and partial input. A broadcast is charged
 * once ({@link SharedBytes}) plus a view per connection, and skips the slowest consumers under pressure; each
 * loop's {@link LoadShedder} closes the slowest ones when skipping is not enough.
 *
 * <p>A loop that ends while the server runs is reported to the {@link ServerMonitor} and replaced by a new
 * one (its connections are lost), at most {@link #MAX_RESTARTS} times a minute; beyond that the server stops
 * listening, so clients are refused at once instead of waiting on a dead loop.
 */
public final class ServerCore {
    private static final ByteBuffer OVER_LIMIT = HandshakeRejection.of(503).toBytes().asReadOnlyBuffer();
    private static final long OVER_LIMIT_LOG_NANOS = TimeUnit.SECONDS.toNanos(10);
    static final int MAX_RESTARTS = 5;
    private static final long RESTART_WINDOW_NANOS = TimeUnit.MINUTES.toNanos(1);

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
     * @param monitor   told when a loop fails
     */
    public record Settings(InetSocketAddress address, int ioThreads, boolean reusePort, ServerLimits limits,
            SSLContext tls, TrustedProxies proxies, String name, ServerMonitor monitor) {
    }

    private final Settings settings;
    private final MemoryBudget budget;
    /** Replaced as a whole when a loop is restarted; a loop's index is its slot. */
    private volatile IoLoop[] loops;
    private final LoadShedder[] shedders;
    private final Broadcasts broadcasts;
    /** The acceptor each listening socket has, by the index of the loop it runs on. */
    private final Acceptor[] acceptors;
    private final long[] restarts = new long[MAX_RESTARTS];
    private int restartCount;
    private final List<ServerSocketChannel> listeners = new ArrayList<>();
    private final Map<String, EndpointRegistration> endpoints = new ConcurrentHashMap<>();
    private final Counters counters = new Counters();
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final AtomicLong overLimitLogged = new AtomicLong(System.nanoTime() - OVER_LIMIT_LOG_NANOS);
    private final AtomicLong overLimitSinceLog = new AtomicLong();
    private volatile boolean closing;
    /** Gave up after loop failures: not listening any more. */
    private volatile boolean stopped;
    private int port;

    public ServerCore(Settings settings) {
        this.settings = settings;
        this.budget = new MemoryBudget(settings.limits().effectiveMemoryBudget());
        IoLoop[] created = new IoLoop[settings.ioThreads()];
        this.shedders = new LoadShedder[created.length];
        this.acceptors = new Acceptor[created.length];
        this.broadcasts = new Broadcasts(budget, counters, shedders, settings.limits());
        for (int i = 0; i < created.length; i++) {
            created[i] = newLoop(i);
        }
        this.loops = created;
    }

    private IoLoop newLoop(int index) {
        IoLoop loop = new IoLoop(settings.name() + "-io-" + index, index, new IoLoop.Hooks() {
            @Override
            public void turnEnded(IoLoop ended) {
                shedders[index].turnEnded();
            }

            @Override
            public void ended(IoLoop ended, Throwable failure) {
                loopEnded(ended, failure);
            }
        });
        shedders[index] = new LoadShedder(loop, budget, counters, shedders.length);
        ServerLimits limits = settings.limits();
        loop.sweepAtLeastEvery(limits.protocol().handshakeTimeout().toNanos() / 4);
        if (!limits.idleTimeout().isZero()) {
            loop.sweepAtLeastEvery(limits.idleTimeout().toNanos() / 4);
        }
        loop.sweepAtLeastEvery(limits.slowConsumerGrace().toNanos() / 4);
        loop.sweepAtLeastEvery(limits.closeLinger().toNanos() / 4);
        loop.sweepAtLeastEvery(LoadShedder.WINDOW_NANOS / 4);
        for (EndpointRegistration registration : endpoints.values()) {
            registration.loopStarted(index);
            if (registration.heartbeatNanos > 0) {
                loop.sweepAtLeastEvery(registration.heartbeatNanos / 4);
            }
        }
        return loop;
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
                acceptors[i] = new Acceptor(listener);
                acceptors[i].registerWith(loops[i]);
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

    MemoryBudget budget() {
        return budget;
    }

    TrustedProxies proxies() {
        return settings.proxies();
    }

    Counters counters() {
        return counters;
    }

    public ServerStats stats() {
        return counters.snapshot(budget);
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
                settings.limits().protocol(), shedders.length);
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
                    s -> s.closeWith(CloseStatus.GOING_AWAY, "endpoint removed")));
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
        IoLoop[] current = loops;
        CountDownLatch done = new CountDownLatch(current.length);
        for (IoLoop loop : current) {
            onLoop(loop, () -> {
                total.addAndGet(registration.sessions(loop).size());
                done.countDown();
            }, done::countDown);
        }
        if (!done.await(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the I/O loops did not answer");
        }
        return total.get();
    }

    /** Runs {@code task} on {@code loop}, or right here with {@code whenEnded} if the loop has ended. */
    private static void onLoop(IoLoop loop, Runnable task, Runnable whenEnded) {
        if (!loop.execute(task)) {
            whenEnded.run();
        }
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
        IoLoop[] current = loops;
        Broadcasts.Broadcast message = broadcasts.encode(registration, type, payload, current.length);
        if (message != null) {
            for (IoLoop loop : current) {
                onLoop(loop, () -> broadcasts.distribute(loop, registration.sessions(loop), message),
                        message.owner()::loopDone);
            }
        }
        return true;
    }

    /** Encodes one frame and queues it on each of {@code targets} that is one of this server's connections. */
    public void broadcast(Collection<? extends WebSocket> targets, OpCode type, ByteBuffer payload) {
        Map<IoLoop, List<Session>> byLoop = new IdentityHashMap<>();
        EndpointRegistration registration = null;
        for (WebSocket target : targets) {
            if (target instanceof SessionSocket socket && socket.session() instanceof ServerSession session
                    && session.registration() != null && isMine(session.loop)) {
                byLoop.computeIfAbsent(session.loop, l -> new ArrayList<>()).add(session);
                registration = session.registration();
            }
        }
        if (byLoop.isEmpty()) {
            return;
        }
        Broadcasts.Broadcast message = broadcasts.encode(registration, type, payload, byLoop.size());
        if (message != null) {
            byLoop.forEach((loop, sessions) -> onLoop(loop, () -> broadcasts.distribute(loop, sessions, message),
                    message.owner()::loopDone));
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
        /** The loop it is registered with (a new one after a restart). */
        private IoLoop loop;

        Acceptor(ServerSocketChannel listener) {
            this.listener = listener;
        }

        void registerWith(IoLoop owner) throws IOException {
            loop = owner;
            owner.register(listener, SelectionKey.OP_ACCEPT, this);
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
                IoLoop[] current = loops;
                accepted(channel, loop, settings.reusePort() ? loop
                        : current[Math.floorMod(nextLoop.getAndIncrement(), current.length)]);
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
            onLoop(target, () -> startSession(channel, target), () -> {
                counters.open.decrementAndGet();
                closeQuietly(channel);
            });
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
            if (closing || loop.hasEnded()) {
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
            if (loop.thread().isAlive() && !loop.hasEnded()) {
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

    // ---------------------------------------------------------------- failures

    /** A loop's thread ended (its connections are closed already): restart it, or give up and stop listening. */
    private void loopEnded(IoLoop loop, Throwable failure) {
        if (closing || stopped) {
            return;
        }
        boolean restart = mayRestart();
        String why = failure == null ? "it stopped without an error" : failure.toString();
        if (restart) {
            IoLoop.LOG.error("WebSocket I/O thread {} ended: {}; its connections were dropped; starting a new one",
                    loop.name(), why, failure);
        } else {
            IoLoop.LOG.error("WebSocket I/O thread {} ended: {}; after {} restarts within a minute the WebSocket "
                    + "server stops listening", loop.name(), why, MAX_RESTARTS, failure);
        }
        if (!restart) {
            stopAfterFailure(); // before the report: a monitor told "not restarting" finds nothing listening
            monitor().ioThreadFailed(loop.name(), failure, false);
            return;
        }
        monitor().ioThreadFailed(loop.name(), failure, true);
        try {
            IoLoop replacement = newLoop(loop.index());
            if (acceptors[loop.index()] != null) {
                acceptors[loop.index()].registerWith(replacement);
            }
            IoLoop[] next = loops.clone();
            next[loop.index()] = replacement;
            loops = next;
            replacement.start();
            counters.ioThreadRestarts.increment();
            IoLoop.LOG.info("WebSocket I/O thread {} runs again", replacement.name());
            monitor().ioThreadRestarted(replacement.name());
        } catch (IOException | RuntimeException e) {
            IoLoop.LOG.error("WebSocket I/O thread {} cannot be started again ({}); the WebSocket server stops "
                    + "listening", loop.name(), e.toString());
            stopAfterFailure();
            monitor().ioThreadFailed(loop.name(), e, false);
        }
    }

    /** At most {@link #MAX_RESTARTS} restarts within a minute. */
    private synchronized boolean mayRestart() {
        long now = System.nanoTime();
        int slot = restartCount % MAX_RESTARTS;
        if (restartCount >= MAX_RESTARTS && now - restarts[slot] < RESTART_WINDOW_NANOS) {
            return false;
        }
        restarts[slot] = now;
        restartCount++;
        return true;
    }

    /** Refuses cleanly from now on: nothing listens (clients get "connection refused"), the other loops end. */
    private void stopAfterFailure() {
        stopped = true;
        closeListeners();
        for (IoLoop other : loops) {
            if (!other.hasEnded()) {
                other.shutdown(settings.limits().shutdownGrace().toNanos(), () -> { });
            }
        }
    }

    private ServerMonitor monitor() {
        return settings.monitor() == null ? ServerMonitor.NONE : settings.monitor();
    }
}
