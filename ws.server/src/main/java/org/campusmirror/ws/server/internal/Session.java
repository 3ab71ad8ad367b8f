package org.campusmirror.ws.server.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

import org.campusmirror.ws.protocol.CloseStatus;
import org.campusmirror.ws.protocol.EncodedFrame;
import org.campusmirror.ws.protocol.OutboundQueue;
import org.campusmirror.ws.protocol.WebSocketConnection;
import org.campusmirror.ws.protocol.WebSocketProtocolException;
import org.campusmirror.ws.server.ServerLimits;
import org.campusmirror.ws.server.SlowConsumerPolicy;
import org.campusmirror.ws.server.WebSocketHandler;

/**
 * The transport of one TCP connection on an {@link IoLoop}, from accept (or connect) to close: the opening
 * handshake (the subclass's), then a {@link WebSocketConnection} driven by the transport duties of
 * ws.protocol's README. All its state is touched on the loop thread only. What the application sees is its
 * {@link SessionSocket}; the engine's events reach the handler through its {@link EngineEvents}.
 *
 * <p>Closing is a lingering close: once the engine says TCP should close (or a refused handshake is
 * answered), input is read and dropped, the last bytes are written, then TLS close_notify and FIN (half-close);
 * the connection waits for the peer's FIN and closes, or closes anyway after {@link ServerLimits#closeLinger()}.
 * Closing a socket with unread input would make the kernel reset the connection, and the peer, failing to
 * write the rest of its message, would never read our close frame (RFC 6455 section 7.1.1).
 *
 * <p>Memory: no read buffer (reads go through the loop's), the engine's small state and what it holds of a
 * partial message (charged to the server's {@link MemoryBudget} by the engine), and the output queue, whose
 * charge {@link #reconcile()} keeps equal to what it holds: own bytes, plus {@link SharedDeliveries#VIEW_COST}
 * per broadcast view (the broadcast's bytes are charged once, by {@link SharedBytes}), plus what the wire keeps.
 * Output is written with gathering writes at the end of each read event and of each loop turn; {@code OP_WRITE}
 * is registered only while the socket does not take everything.
 */
abstract class Session implements Selectable, Wire.Sink {
    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /** Slots in the loop's and the endpoint's {@link SessionList}. */
    final int[] slots = {-1, -1};
    /** Whether the session waits in the loop's flush list. */
    boolean dirty;

    final IoLoop loop;
    final SocketChannel channel;
    final ServerLimits limits;
    final MemoryBudget budget;
    final SessionSocket socket;
    final EngineEvents events;
    SelectionKey key;
    Wire wire = PlainWire.INSTANCE;
    WebSocketConnection connection;
    WebSocketHandler handler;
    /** Handshake bytes (request, response or rejection) to write before anything else. */
    ByteBuffer raw;
    /** Close TCP once everything queued is written (e.g. after a rejection). */
    boolean closeAfterFlush;
    long handshakeDeadline;

    private int interest;
    private boolean closed;
    private boolean queuePaused;
    private boolean appPaused;
    private long overHighSince;
    private long lastReadNanos;
    /** Closing: when TCP is closed at the latest (0 while not closing). Input is dropped from then on. */
    private long closeDeadline;
    /** Our last bytes and FIN are out; we wait for the peer's FIN. */
    private boolean outputShut;
    /** The peer's FIN came while our last bytes were still being written. */
    private boolean peerFinished;
    /** Closed by {@link #shed()}: the peer gets the closing timeout, not just the linger, to read its 1013. */
    private boolean shedding;
    private long heartbeatNanos;
    private long nextPing;
    private boolean awaitingPong;
    /** Broadcast views queued and not yet written. */
    private final SharedDeliveries shared = new SharedDeliveries();
    /** What this session's output holds of the budget now. */
    private long charged;
    /** Broadcasts skipped for this connection under memory pressure in the shedder's current window. */
    int skipsInWindow;

    Session(IoLoop loop, SocketChannel channel, ServerLimits limits, MemoryBudget budget) {
        this.loop = loop;
        this.channel = channel;
        this.limits = limits;
        this.budget = budget;
        this.socket = new SessionSocket(this);
        this.events = new EngineEvents(this);
        this.lastReadNanos = loop.now();
    }

    /** Registers with the loop's selector; call on the loop thread. */
    void register(int ops) throws IOException {
        interest = ops;
        key = loop.register(channel, ops, this);
        loop.add(this);
    }

    // ---------------------------------------------------------------- subclass duties

    /** Bytes that arrived before the connection is open: the handshake (leftover bytes stay in the buffer). */
    abstract void handshakeBytes(ByteBuffer bytes);

    /** The handshake did not complete in time. */
    abstract void handshakeTimedOut();

    /** TCP is closed: release what the session holds outside itself (counters, endpoint lists). */
    abstract void transportGone();

    /** The peer ended or reset the connection before the WebSocket was open; {@code cause} may be null (EOF). */
    void handshakeAborted(IOException cause) {
    }

    /** OP_CONNECT (client sessions). */
    void connectable() {
    }

    /** The client's address (see {@link org.campusmirror.ws.server.WebSocket#remoteAddress()}). */
    abstract InetSocketAddress remoteAddress();

    /** The request path. */
    abstract String path();

    /** What the upgrade hook attached, or null. */
    abstract Object principal();

    // ---------------------------------------------------------------- I/O events

    @Override
    public void ready(int readyOps) {
        if ((readyOps & SelectionKey.OP_CONNECT) != 0) {
            connectable();
            return;
        }
        if ((readyOps & SelectionKey.OP_WRITE) != 0) {
            flush();
        }
        if ((readyOps & SelectionKey.OP_READ) != 0 && !closed) {
            readable();
        }
    }

    private void readable() {
        if (closeDeadline != 0 || transportClosing()) {
            discardInput();
            return;
        }
        try {
            for (int i = 0; i < IoLoop.READS_PER_EVENT; i++) {
                int n = wire.read(channel, loop, this);
                if (n < 0) {
                    peerEnded();
                    return;
                }
                if (closed || n < IoLoop.READ_BUFFER_SIZE || (interest & SelectionKey.OP_READ) == 0
                        || transportClosing() || pendingBytes() > limits.highWaterBytes()
                        || budget.used() >= budget.limit()) {
                    break; // the flush below decides about pausing or closing; read no more meanwhile
                }
            }
        } catch (IOException e) {
            IoLoop.LOG.debug("{}: read failed: {}", this, e.toString());
            aborted(e);
            return;
        } catch (RuntimeException e) {
            // A handler threw: the engine failed the connection with 1011; write that and close.
            IoLoop.LOG.warn("{}: the handler failed: {}", this, e.toString(), e);
        }
        if (!closed) {
            flush(); // now, not at the end of the turn: what a read produced is held no longer than needed
        }
    }

    @Override
    public void accept(ByteBuffer bytes) {
        lastReadNanos = loop.now();
        if (connection != null) {
            connection.receive(bytes);
        } else if (!closeAfterFlush) {
            handshakeBytes(bytes);
        } else {
            bytes.position(bytes.limit()); // after a rejection nothing more is read
        }
    }

    /**
     * While closing: reads and drops whatever the peer still sends (the rest of a refused message, its close
     * frame), through the loop's buffer and without TLS, so that nothing is kept and nothing unread is left to
     * make the kernel reset the connection. The linger deadline bounds how long.
     */
    private void discardInput() {
        try {
            if (!loop.discard(channel)) {
                peerEnded();
            }
        } catch (IOException e) {
            IoLoop.LOG.debug("{}: read failed while closing: {}", this, e.toString());
            closeTransport();
        }
    }

    /** The peer's FIN (or TLS close_notify) arrived. */
    private void peerEnded() {
        if (closeDeadline == 0 && !transportClosing()) {
            if (connection == null) {
                handshakeAborted(null);
            }
            closeTransport(); // no close handshake under way: the peer just left (1006)
            return;
        }
        flush(); // we were closing anyway: write what the peer may still read after its FIN
        if (closed) {
            return;
        }
        if (outputShut) {
            closeTransport();
        } else {
            peerFinished = true; // flush closes once the rest is written, or the linger deadline does
            updateReadInterest();
        }
    }

    /** The peer reset the connection or an I/O call failed: nothing more can be said to it. */
    private void aborted(IOException cause) {
        if (connection == null) {
            handshakeAborted(cause);
        }
        closeTransport();
    }

    /** Whether TCP should close once the queued bytes are written: after a refusal, or when the engine says so. */
    private boolean transportClosing() {
        return closeAfterFlush || (connection != null && connection.shouldCloseTransport());
    }

    /** Writes what is queued: handshake bytes first, then the engine's queue. Call on the loop thread. */
    void flush() {
        if (closed || outputShut) {
            return;
        }
        try {
            if (raw != null) {
                wire.write(channel, loop, new ByteBuffer[] {raw}, 1); // handshake bytes: once per connection
                if (!raw.hasRemaining()) {
                    raw = null;
                }
            }
            if (raw == null && connection != null && wire.isEstablished() && !connection.outbound().isEmpty()) {
                OutboundQueue queue = connection.outbound();
                wire.write(channel, loop, queue.buffers(), queue.size());
                queue.removeWritten();
            } else if (wire.hasPendingOutput()) {
                wire.write(channel, loop, NOTHING, 1);
            }
        } catch (IOException e) {
            IoLoop.LOG.debug("{}: write failed: {}", this, e.toString());
            aborted(e);
            return;
        }
        long queued = pendingBytes();
        if (shared.size() > 0) {
            shared.releaseWritten(connection.outbound().enqueuedBytes() - queued, loop);
        }
        reconcile();
        socket.queued(queued);
        boolean more = queued > 0 || raw != null || wire.hasPendingOutput();
        backpressure(queued);
        if (transportClosing()) {
            if (closeDeadline == 0) {
                long linger = (shedding ? limits.protocol().closingTimeout() : limits.closeLinger()).toNanos();
                closeDeadline = (loop.now() + linger) | 1;
                wire.stopReading();
            }
            if (!more) {
                if (peerFinished) {
                    closeTransport();
                    return;
                }
                more = !shutOutput();
                if (closed) {
                    return;
                }
            }
        }
        interest(SelectionKey.OP_WRITE, more && !outputShut);
        updateReadInterest();
    }

    /**
     * Everything is written: TLS close_notify, then FIN (half-close). The peer reads our last bytes and its
     * FIN, and we keep reading (and dropping) until it answers with its own. Returns false while close_notify
     * waits for the socket.
     */
    private boolean shutOutput() {
        try {
            if (!wire.closeOutput(channel, loop)) {
                return false;
            }
            channel.shutdownOutput();
        } catch (IOException e) {
            IoLoop.LOG.debug("{}: shutting down output failed: {}", this, e.toString());
            closeTransport();
            return true;
        }
        outputShut = true;
        return true;
    }

    private void backpressure(long queued) {
        if (queued > limits.highWaterBytes()) {
            if (overHighSince == 0) {
                overHighSince = loop.now() | 1;
            }
            if (!queuePaused) {
                queuePaused = true;
                updateReadInterest();
            }
        } else {
            overHighSince = 0;
            if (queuePaused && queued <= limits.lowWaterBytes()) {
                queuePaused = false;
                updateReadInterest();
                if (connection != null && connection.isOpen()) {
                    handler.onDrain(socket);
                }
            }
        }
    }

    /**
     * Reads while neither backpressure nor the application pauses, and always while closing (input is dropped
     * then, until the peer's FIN). Once our close frame is queued the queue cannot grow any more, so
     * backpressure no longer holds the peer back: it may be blocked writing until we read, and only then
     * read our close frame.
     */
    private void updateReadInterest() {
        boolean on;
        if (closeDeadline != 0) {
            on = !peerFinished;
        } else {
            boolean closeFrameQueued = connection != null && !connection.isOpen();
            on = !appPaused && (!queuePaused || closeFrameQueued);
        }
        interest(SelectionKey.OP_READ, on);
    }

    void interest(int op, boolean on) {
        int wanted = on ? interest | op : interest & ~op;
        if (wanted != interest && !closed) {
            interest = wanted;
            key.interestOps(wanted);
        }
    }

    /** The application pauses or resumes reading. Loop thread. */
    void appPaused(boolean paused) {
        appPaused = paused;
        updateReadInterest();
    }

    /** Closes TCP at once, gives back everything the connection held and reports the end. Idempotent; loop thread. */
    void closeTransport() {
        if (closed) {
            return;
        }
        closed = true;
        socket.stopSending();
        try {
            wire.closing(channel, loop);
            if (key != null) {
                key.cancel();
            }
            channel.close();
        } catch (IOException e) {
            IoLoop.LOG.debug("{}: close failed: {}", this, e.toString());
        }
        loop.remove(this);
        transportGone();
        shared.releaseAll(loop);
        budget.acquire(-charged);
        charged = 0;
        if (connection != null) {
            connection.transportClosed(); // gives back what it holds of a message, fires onClose
        }
    }

    @Override
    public void abort() {
        closeTransport();
    }

    boolean isClosed() {
        return closed;
    }

    /** Not closed and not already closing with its 1013. */
    boolean sheddable() {
        return !closed && !shedding;
    }

    // ---------------------------------------------------------------- memory

    /** Bytes queued for the peer and not yet written (shared views at their full length). */
    long pendingBytes() {
        return connection == null ? 0 : connection.outbound().remaining();
    }

    /** Everything this connection keeps alive for its peer: its pending bytes, its views, hand-overs on the way. */
    long backlog() {
        return pendingBytes() + (long) shared.size() * SharedDeliveries.VIEW_COST + socket.handedOver();
    }

    /** Brings this connection's charge in the budget in line with what its output holds now. */
    private void reconcile() {
        long held = wire.retainedBytes() + (raw == null ? 0 : raw.capacity());
        if (connection != null) {
            OutboundQueue queue = connection.outbound();
            long pending = queue.remaining();
            long written = queue.enqueuedBytes() - pending;
            held += pending - shared.pendingBytes(written) + (long) shared.size() * SharedDeliveries.VIEW_COST;
        }
        budget.acquire(held - charged);
        charged = held;
    }

    /**
     * Queues a broadcast frame (the caller charges the view's {@link SharedDeliveries#VIEW_COST} to the budget,
     * for all the connections it serves at once); returns whether it was queued.
     */
    boolean deliverShared(EncodedFrame frame, SharedBytes owner) {
        try {
            if (closed || connection == null || !connection.sendEncoded(frame)) {
                return false;
            }
        } catch (IllegalStateException sendingFragments) {
            return false; // the application is sending a fragmented message here: a whole frame cannot go between
        }
        shared.add(connection.outbound().enqueuedBytes(), frame.length(), owner);
        owner.held(loop);
        charged += SharedDeliveries.VIEW_COST;
        loop.markDirty(this);
        return true;
    }

    /**
     * Sheds this connection to free memory: its backlog not yet begun on the wire is dropped and 1013 (try again
     * later) follows the frame in progress; a connection closing for another reason is dropped at once, and one
     * already shed is left to its closing timeout. Returns its backlog before minus after. Loop thread.
     */
    long shed() {
        if (!sheddable()) {
            return 0; // closed, or closing with its 1013: what it holds is bounded, and the slow peer should read it
        }
        long before = backlog();
        if (connection != null && connection.isOpen()) {
            socket.stopSending();
            shedding = true; // what it holds now is a frame in progress and the close frame: let a slow peer read them
            shedWith1013();
            long end = connection.outbound().enqueuedBytes();
            long dropped = connection.fail(CloseStatus.TRY_AGAIN_LATER, "server overloaded");
            shared.releaseAfter(end - dropped, loop);
            reconcile();
            loop.markDirty(this);
            return before - backlog();
        }
        closeTransport();
        return before;
    }

    /** Called once per connection, when {@link #shed()} sends it 1013. Loop thread. */
    void shedWith1013() {
    }

    // ---------------------------------------------------------------- timers

    /** Timers: called by the loop every sweep. */
    void sweep() {
        if (closed) {
            return;
        }
        long now = loop.now();
        if (closeDeadline != 0) {
            if (now - closeDeadline >= 0) {
                IoLoop.LOG.debug("{}: {} within {} ms of closing; dropping the connection", this,
                        outputShut ? "no FIN from the peer" : "the peer did not take our last bytes",
                        limits.closeLinger().toMillis());
                closeTransport();
            }
            return;
        }
        if (connection == null) {
            if (now - handshakeDeadline >= 0) {
                handshakeTimedOut();
                closeTransport();
            }
            return;
        }
        if (connection.hasCloseDeadline() && now - connection.closeDeadlineNanos() >= 0) {
            connection.onCloseTimeout();
            loop.markDirty(this);
            return;
        }
        if (heartbeatNanos > 0 && now - nextPing >= 0 && connection.isOpen()) {
            if (awaitingPong) {
                missedPong();
                return;
            }
            awaitingPong = true;
            nextPing = now + heartbeatNanos;
            connection.ping(EMPTY);
            loop.markDirty(this);
        }
        long idle = limits.idleTimeout().toNanos();
        if (idle > 0 && now - lastReadNanos >= idle && connection.isOpen()) {
            IoLoop.LOG.debug("{}: idle for {} s, closing with 1001", this, limits.idleTimeout().toSeconds());
            closeWith(CloseStatus.GOING_AWAY, "idle timeout");
        }
        if (overHighSince != 0 && now - overHighSince >= limits.slowConsumerGrace().toNanos()
                && limits.slowConsumer() == SlowConsumerPolicy.CLOSE && connection.isOpen()) {
            IoLoop.LOG.info("{}: slow consumer: {} bytes queued for more than {} ms; closing with 1008", this,
                    pendingBytes(), limits.slowConsumerGrace().toMillis());
            slowConsumerClosed();
            closeWith(CloseStatus.POLICY_VIOLATION, "slow consumer");
        }
    }

    /** The heartbeat's ping went unanswered: terminate (the handler sees 1006). */
    void missedPong() {
        IoLoop.LOG.info("{}: no pong within {} ms; terminating", this, heartbeatNanos / 1_000_000);
        connection.terminate();
        closeTransport();
    }

    /** A pong arrived: the heartbeat is answered. */
    void pongArrived() {
        awaitingPong = false;
    }

    /** Counts a slow-consumer close (server statistics). */
    void slowConsumerClosed() {
    }

    /** Starts the heartbeat: first ping one interval from now. */
    void startHeartbeat(long intervalNanos) {
        heartbeatNanos = intervalNanos;
        nextPing = loop.now() + intervalNanos;
    }

    /** The server is stopping: close with 1001 (going away), or drop a connection still handshaking. */
    void beginShutdown() {
        if (connection == null) {
            closeTransport();
        } else {
            closeWith(CloseStatus.GOING_AWAY, "server shutting down");
        }
    }

    void closeWith(int code, String reason) {
        if (connection != null && !closed) {
            socket.stopSending();
            connection.close(code, reason);
            loop.markDirty(this);
        }
    }

    /** Makes the connection live: events go to {@code newHandler}. Loop thread. */
    void opened(WebSocketConnection newConnection, WebSocketHandler newHandler) {
        this.connection = newConnection;
        this.handler = newHandler;
        socket.startSending();
    }

    /** Logs a peer's protocol violation: one line, debug for routine errors, info for limits. */
    void protocolError(WebSocketProtocolException e) {
        int code = e.closeCode();
        if (code == CloseStatus.MESSAGE_TOO_BIG || code == CloseStatus.POLICY_VIOLATION) {
            IoLoop.LOG.info("{}: limit exceeded, closing with {}: {}", this, code, e.getMessage());
        } else if (code == CloseStatus.TRY_AGAIN_LATER) {
            IoLoop.LOG.debug("{}: out of memory budget, closing with {}: {}", this, code, e.getMessage());
        } else {
            IoLoop.LOG.debug("{}: protocol error, closing with {}: {}", this, code, e.getMessage());
        }
    }
}
