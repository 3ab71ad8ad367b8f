package org.campusmirror.ws.server.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One selector thread and the connections it owns. Everything about a connection happens on its loop's
 * thread, so the engine needs no locks; other threads hand work over with {@link #execute}, which wakes the
 * selector at most once per batch.
 *
 * <p>The loop owns the buffers every read goes through (one read buffer and, with TLS, one buffer each for
 * network input, decrypted input and network output): a connection keeps no buffer of its own between reads.
 * Output produced while handling events is written once per loop turn ({@link #markDirty}), so many sends to
 * one connection in a turn become one gathering write.
 *
 * <p>The thread never ends silently. What goes wrong with one connection (a handler's exception, the heap
 * running out while serving it) drops that connection and the loop goes on; anything else ends the loop: its
 * connections are closed, the tasks handed to it run one last time (so nothing waits for it forever), and
 * {@link Hooks#ended} reports why, so that the owner can log it and start a new loop.
 */
public final class IoLoop implements Runnable {
    static final Logger LOG = LoggerFactory.getLogger("org.campusmirror.ws.server");
    /** Read buffer size: a whole burst of small frames, or a good slice of a big one, per system call. */
    static final int READ_BUFFER_SIZE = 64 << 10;
    /** Reads per readiness event of one connection before the loop serves other connections. */
    static final int READS_PER_EVENT = 4;
    private static final int TLS_BUFFER_SIZE = 96 << 10;
    private static final long MAX_SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long MIN_SWEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /**
     * Refused connections (503) lingering at once on one loop; beyond this a refusal closes at once. Each holds
     * a socket for at most the linger time, so a flood over the connection limit cannot pile them up.
     */
    static final int MAX_LINGERING_REFUSALS = 64;

    /** What a loop tells its owner. */
    public interface Hooks {
        /** The end of every loop turn, on the loop's thread (the server sheds load here). */
        default void turnEnded(IoLoop loop) {
        }

        /**
         * The loop's thread is ending, after its connections were closed: {@code failure} says why, null when
         * it was stopped. Called on that thread.
         */
        void ended(IoLoop loop, Throwable failure);
    }

    private final String name;
    private final int index;
    private final Hooks hooks;
    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
    private ByteBuffer tlsNetIn;
    private ByteBuffer tlsApp;
    private ByteBuffer tlsNetOut;
    private final SessionList sessions = new SessionList(0);
    private final ArrayDeque<Session> dirty = new ArrayDeque<>();
    /** In deadline order: every refusal lingers for the same time. */
    private final ArrayDeque<LingeringRefusal> refusals = new ArrayDeque<>();
    private volatile boolean running = true;
    /** The thread is ending or has ended: no task is taken any more. */
    private volatile boolean ended;
    private volatile long sweepNanos = MAX_SWEEP_NANOS;
    private long now = System.nanoTime();
    private long nextSweep = now;
    private long drainDeadline;
    private boolean draining;
    private Runnable drained;

    public IoLoop(String name, int index, Hooks hooks) {
        this.name = name;
        this.index = index;
        this.hooks = hooks;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.thread = new Thread(this, name);
    }

    public void start() {
        thread.start();
    }

    public String name() {
        return name;
    }

    int index() {
        return index;
    }

    public Thread thread() {
        return thread;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** The clock of this loop turn ({@link System#nanoTime()} read once per turn). */
    long now() {
        return now;
    }

    /**
     * Runs {@code task} on the loop's thread, after the tasks handed over before it. Returns false, dropping
     * it, when the loop has ended: the caller undoes what it prepared for the task.
     */
    public boolean execute(Runnable task) {
        tasks.add(task);
        if (ended && tasks.remove(task)) {
            return false; // else the ending loop took it and runs it
        }
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
        return true;
    }

    /** Whether the loop's thread has ended (or is ending). */
    public boolean hasEnded() {
        return ended;
    }

    /** Sweeps (timeouts, heartbeats) at least this often; the finest timer decides. */
    public void sweepAtLeastEvery(long nanos) {
        long wanted = Math.max(MIN_SWEEP_NANOS, Math.min(MAX_SWEEP_NANOS, nanos));
        if (wanted < sweepNanos) {
            sweepNanos = wanted;
            selector.wakeup();
        }
    }

    SelectionKey register(SelectableChannel channel, int ops, Selectable target) throws ClosedChannelException {
        return channel.register(selector, ops, target);
    }

    void add(Session session) {
        sessions.add(session);
    }

    void remove(Session session) {
        sessions.remove(session);
    }

    /**
     * Keeps a refused connection (its answer written, its output shut down) until the client's FIN or
     * {@code lingerNanos}, reading and dropping what it sends. Returns false, taking nothing, when
     * {@link #MAX_LINGERING_REFUSALS} already linger: the caller closes it. Loop thread.
     */
    boolean lingerRefused(SocketChannel channel, long lingerNanos) throws ClosedChannelException {
        if (refusals.size() >= MAX_LINGERING_REFUSALS) {
            return false;
        }
        LingeringRefusal refusal = new LingeringRefusal(channel, this, now + lingerNanos);
        channel.register(selector, SelectionKey.OP_READ, refusal);
        refusals.add(refusal);
        return true;
    }

    /** The refused client finished (FIN or reset): close it now. */
    void refusalEnded(LingeringRefusal refusal) {
        refusals.remove(refusal);
        refusal.close();
    }

    private void closeRefusals(boolean expiredOnly) {
        while (!refusals.isEmpty() && (!expiredOnly || now - refusals.peek().deadline >= 0)) {
            refusals.poll().close();
        }
    }

    /** Asks for {@code session}'s output to be written at the end of this loop turn. */
    void markDirty(Session session) {
        if (!session.dirty) {
            session.dirty = true;
            dirty.add(session);
        }
    }

    ByteBuffer readBuffer() {
        return readBuffer.clear();
    }

    /**
     * Reads and drops what {@code channel} has (a closing connection's input), a few buffers at most per call;
     * returns false at the peer's FIN. Nothing is kept, so nothing grows however much the peer sends.
     */
    boolean discard(SocketChannel channel) throws IOException {
        for (int i = 0; i < READS_PER_EVENT; i++) {
            int n = channel.read(readBuffer.clear());
            if (n < 0) {
                return false;
            }
            if (n < READ_BUFFER_SIZE) {
                break;
            }
        }
        return true;
    }

    ByteBuffer tlsNetIn() {
        if (tlsNetIn == null) {
            tlsNetIn = ByteBuffer.allocateDirect(TLS_BUFFER_SIZE);
        }
        return tlsNetIn;
    }

    ByteBuffer tlsApp() {
        if (tlsApp == null) {
            tlsApp = ByteBuffer.allocateDirect(TLS_BUFFER_SIZE);
        }
        return tlsApp;
    }

    ByteBuffer tlsNetOut() {
        if (tlsNetOut == null) {
            tlsNetOut = ByteBuffer.allocateDirect(TLS_BUFFER_SIZE);
        }
        return tlsNetOut;
    }

    /**
     * Starts a graceful stop: {@code beginClose} runs on every session, then the loop waits until every
     * session has gone or {@code grace} has passed, closes what is left, runs {@code whenDrained} and ends.
     */
    public void shutdown(long graceNanos, Runnable whenDrained) {
        execute(() -> {
            draining = true;
            drainDeadline = now + graceNanos;
            drained = whenDrained;
            closeRefusals(false);
            sessions.forEach(Session::beginShutdown);
            sweepAtLeastEvery(MIN_SWEEP_NANOS);
        });
    }

    /** Stops the loop at once: every session is dropped. */
    public void stopNow() {
        execute(() -> running = false);
    }

    @Override
    public void run() {
        Throwable failure = null;
        try {
            while (running) {
                turn();
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e; // reported below, once the connections are closed and their memory is free
        } finally {
            ended = true;
            closeEverything();
            runTasks(Integer.MAX_VALUE);
            hooks.ended(this, failure);
        }
    }

    /** The loop ends: every refusal and connection is closed, each on its own so that one failure stops none. */
    private void closeEverything() {
        closeRefusals(false);
        sessions.forEach(session -> {
            try {
                session.closeTransport();
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.warn("{}: closing {} failed: {}", name, session, e.toString());
            }
        });
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("{}: closing the selector: {}", name, e.toString());
        }
    }

    private void turn() throws IOException {
        long timeoutMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextSweep - now) + 1);
        if (!tasks.isEmpty() || !dirty.isEmpty()) {
            selector.selectNow(this::dispatch);
        } else {
            selector.select(this::dispatch, timeoutMillis);
        }
        now = System.nanoTime();
        wakeupPending.set(false);
        runTasks(tasks.size()); // only those present now: a task that hands over another does not starve the selector
        flushDirty();
        if (now - nextSweep >= 0) {
            nextSweep = now + sweepNanos;
            sweep();
            flushDirty();
        }
        hooks.turnEnded(this);
    }

    private void dispatch(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        now = System.nanoTime();
        Selectable target = (Selectable) key.attachment();
        try {
            target.ready(key.readyOps());
        } catch (RuntimeException | OutOfMemoryError e) {
            dropAfterFailure(target, e);
        }
    }

    /**
     * Serving one connection failed (a bug showing as an exception, or the heap running out, which the memory
     * budget should prevent): that connection is dropped and its memory freed; the loop goes on for the others.
     */
    private void dropAfterFailure(Selectable target, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            LOG.error("{}: out of memory while serving {}; dropping it ({})", name, target, e.getMessage());
        } else {
            LOG.error("{}: serving {} failed; dropping it", name, target, e);
        }
        try {
            target.abort();
        } catch (RuntimeException | OutOfMemoryError again) {
            LOG.error("{}: dropping {} failed too: {}", name, target, again.toString());
        }
    }

    private void runTasks(int count) {
        for (int n = count; n > 0; n--) {
            Runnable task = tasks.poll();
            if (task == null) {
                break;
            }
            try {
                task.run();
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.warn("{}: a task failed: {}", name, e.toString(), e);
            }
        }
    }

    private void flushDirty() {
        Session session;
        while ((session = dirty.poll()) != null) {
            session.dirty = false;
            try {
                session.flush();
            } catch (RuntimeException | OutOfMemoryError e) {
                dropAfterFailure(session, e);
            }
        }
    }

    private void sweep() {
        closeRefusals(true);
        sessions.forEach(session -> {
            try {
                session.sweep();
            } catch (RuntimeException | OutOfMemoryError e) {
                dropAfterFailure(session, e);
            }
        });
        if (draining && (sessions.size() == 0 || now - drainDeadline >= 0)) {
            sessions.forEach(Session::closeTransport);
            running = false;
            if (drained != null) {
                drained.run();
            }
        }
    }

    /** The sessions of this loop, for the server's load shedding. Loop thread. */
    void forEachSession(java.util.function.Consumer<Session> action) {
        sessions.forEach(action);
    }
}
