package org.campusmirror.ws.server.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.campusmirror.ws.protocol.CloseStatus;
import org.campusmirror.ws.protocol.EncodedFrame;
import org.campusmirror.ws.protocol.Extension;
import org.campusmirror.ws.protocol.Frame;
import org.campusmirror.ws.protocol.OutboundQueue;
import org.campusmirror.ws.protocol.Utf8Validator;
import org.campusmirror.ws.protocol.WebSocketConnection;
import org.campusmirror.ws.protocol.WebSocketListener;
import org.campusmirror.ws.protocol.WebSocketProtocolException;
import org.campusmirror.ws.server.ServerLimits;
import org.campusmirror.ws.server.SlowConsumerPolicy;
import org.campusmirror.ws.server.WebSocket;
import org.campusmirror.ws.server.WebSocketHandler;

/**
 * One TCP connection on an {@link IoLoop}, from accept (or connect) to close: the opening handshake (the
 * subclass's), then a {@link WebSocketConnection} driven by the transport duties of ws.protocol's README.
 * All its state is touched on the loop thread only; the {@link WebSocket} methods hand other threads' calls
 * over to it.
 *
 * <p>Closing is a lingering close: once the engine says TCP should close (or a refused handshake is
 * answered), input is read and dropped, the last bytes are written, then TLS close_notify and FIN (half-close);
 * the connection waits for the peer's FIN and closes, or closes anyway after {@link ServerLimits#closeLinger()}.
 * Closing a socket with unread input would make the kernel reset the connection, and the peer, failing to
 * write the rest of its message, would never read our close frame (RFC 6455 section 7.1.1).
 *
 * <p>Memory while idle: no read buffer (reads go through the loop's), the engine's small state, and whatever
 * the engine keeps of a partial frame. Output is written from the engine's queue with gathering writes;
 * {@code OP_WRITE} is registered only while the socket does not take everything.
 */
abstract class Session implements WebSocket, WebSocketListener, Selectable, Wire.Sink {
    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /** Slots in the loop's and the endpoint's {@link SessionList}. */
    final int[] slots = {-1, -1};
    /** Whether the session waits in the loop's flush list. */
    boolean dirty;

    final IoLoop loop;
    final SocketChannel channel;
    final ServerLimits limits;
    SelectionKey key;
    Wire wire = PlainWire.INSTANCE;
    WebSocketConnection connection;
    WebSocketHandler handler;
    /** Handshake bytes (request, response or rejection) to write before anything else. */
    ByteBuffer raw;
    /** Close TCP once everything queued is written (e.g. after a rejection). */
    boolean closeAfterFlush;
    long handshakeDeadline;
    long heartbeatNanos;

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
    private long nextPing;
    private boolean awaitingPong;
    private Object attachment;

    /** Mirrors "open and no close frame sent" for other threads. */
    private volatile boolean sendable;
    /** {@link #bufferedAmount()} as of the last flush, for other threads. */
    private volatile long queuedSnapshot;
    /** Bytes other threads handed over that have not reached the engine yet. */
    private final AtomicLong handedOver = new AtomicLong();

    Session(IoLoop loop, SocketChannel channel, ServerLimits limits) {
        this.loop = loop;
        this.channel = channel;
        this.limits = limits;
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

    /** OP_CONNECT (client sessions). */
    void connectable() {
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
                        || transportClosing()
                        || (connection != null && connection.bufferedAmount() > limits.highWaterBytes())) {
                    break; // the end-of-turn flush decides about pausing or closing; read no more meanwhile
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
            loop.markDirty(this);
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
            if (raw == null && connection != null && wire.isEstablished() && connection.outbound().size() > 0) {
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
        long queued = connection == null ? 0 : connection.bufferedAmount();
        queuedSnapshot = queued;
        boolean more = queued > 0 || raw != null || wire.hasPendingOutput();
        backpressure(queued);
        if (transportClosing()) {
            if (closeDeadline == 0) {
                closeDeadline = (loop.now() + limits.closeLinger().toNanos()) | 1;
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
                    handler.onDrain(this);
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

    /** Whether reading is paused (by backpressure or by the application). */
    boolean readPaused() {
        return queuePaused || appPaused;
    }

    /** Closes TCP at once and reports the end. Idempotent; loop thread. */
    void closeTransport() {
        if (closed) {
            return;
        }
        closed = true;
        sendable = false;
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
        if (connection != null) {
            connection.transportClosed(); // fires onClose
        }
    }

    @Override
    public void abort() {
        closeTransport();
    }

    boolean isClosed() {
        return closed;
    }

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
                    connection.bufferedAmount(), limits.slowConsumerGrace().toMillis());
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
            sendable = false;
            connection.close(code, reason);
            loop.markDirty(this);
        }
    }

    /** Makes the connection live: events go to {@code handler}. Loop thread. */
    void opened(WebSocketConnection newConnection, WebSocketHandler newHandler) {
        this.connection = newConnection;
        this.handler = newHandler;
        this.sendable = true;
    }

    /**
     * Queues a broadcast frame unless the slow-consumer policy says to skip it; returns whether it was queued.
     */
    boolean deliverShared(EncodedFrame frame) {
        if (closed || connection == null || !connection.isOpen()) {
            return false;
        }
        connection.sendEncoded(frame);
        loop.markDirty(this);
        return true;
    }

    /** Whether the queue is over the high-water mark now (counting what this loop turn queued). */
    boolean overHighWater() {
        return connection != null && connection.bufferedAmount() > limits.highWaterBytes();
    }

    // ---------------------------------------------------------------- engine events

    @Override
    public void onTextUtf8(WebSocketConnection c, ByteBuffer utf8) {
        handler.onTextUtf8(this, utf8);
    }

    @Override
    public void onBinary(WebSocketConnection c, ByteBuffer data) {
        handler.onBinary(this, data);
    }

    @Override
    public void onPing(WebSocketConnection c, ByteBuffer payload) {
        handler.onPing(this, payload);
    }

    @Override
    public void onPong(WebSocketConnection c, ByteBuffer payload) {
        awaitingPong = false;
        handler.onPong(this, payload);
    }

    @Override
    public void onCloseReceived(WebSocketConnection c, int code, String reason) {
        sendable = false;
    }

    @Override
    public void onError(WebSocketConnection c, WebSocketProtocolException e) {
        sendable = false;
        protocolError(e);
        handler.onError(this, e);
    }

    /** Logs a peer's protocol violation: one line, debug for routine errors, info for limits. */
    void protocolError(WebSocketProtocolException e) {
        if (e.closeCode() == CloseStatus.MESSAGE_TOO_BIG || e.closeCode() == CloseStatus.POLICY_VIOLATION) {
            IoLoop.LOG.info("{}: limit exceeded, closing with {}: {}", this, e.closeCode(), e.getMessage());
        } else {
            IoLoop.LOG.debug("{}: protocol error, closing with {}: {}", this, e.closeCode(), e.getMessage());
        }
    }

    @Override
    public void onClose(WebSocketConnection c, int code, String reason) {
        handler.onClose(this, code, reason);
    }

    // ---------------------------------------------------------------- WebSocket (any thread)

    @Override
    public boolean sendText(CharSequence text) {
        if (loop.inLoop()) {
            return sent(connection != null && connection.sendText(text));
        }
        String copy = text.toString();
        return handOver(copy.length(), () -> connection.sendText(copy));
    }

    @Override
    public boolean sendText(ByteBuffer utf8) {
        if (loop.inLoop()) {
            return sent(connection != null && connection.sendText(utf8));
        }
        if (!Utf8Validator.isValid(utf8)) {
            throw new IllegalArgumentException("text is not valid UTF-8");
        }
        ByteBuffer copy = copyOf(utf8);
        return handOver(copy.remaining(), () -> connection.sendText(copy));
    }

    @Override
    public boolean sendBinary(ByteBuffer data) {
        if (loop.inLoop()) {
            return sent(connection != null && connection.sendBinary(data));
        }
        ByteBuffer copy = copyOf(data);
        return handOver(copy.remaining(), () -> connection.sendBinary(copy));
    }

    @Override
    public boolean ping(ByteBuffer payload) {
        if (payload.remaining() > Frame.MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException("control frame payload over 125 bytes");
        }
        if (loop.inLoop()) {
            return sent(connection != null && connection.ping(payload));
        }
        ByteBuffer copy = copyOf(payload);
        return handOver(copy.remaining(), () -> connection.ping(copy));
    }

    @Override
    public void close() {
        close(CloseStatus.NORMAL, "");
    }

    @Override
    public void close(int code, String reason) {
        Frame.closePayload(code, reason); // refuse a bad code or reason on the caller's thread
        sendable = false;
        onLoop(() -> closeWith(code, reason));
    }

    @Override
    public void terminate() {
        sendable = false;
        onLoop(() -> {
            if (connection != null) {
                connection.terminate();
            }
            closeTransport();
        });
    }

    @Override
    public long bufferedAmount() {
        if (loop.inLoop()) {
            return (connection == null ? 0 : connection.bufferedAmount()) + handedOver.get();
        }
        return queuedSnapshot + handedOver.get();
    }

    @Override
    public void pause() {
        onLoop(() -> {
            appPaused = true;
            updateReadInterest();
        });
    }

    @Override
    public void resume() {
        onLoop(() -> {
            appPaused = false;
            updateReadInterest();
        });
    }

    @Override
    public boolean isOpen() {
        return sendable;
    }

    @Override
    public String subprotocol() {
        return connection == null ? null : connection.subprotocol();
    }

    @Override
    public String extensions() {
        if (connection == null) {
            return "";
        }
        return connection.extensions().stream().map(e -> e.negotiated().name()).collect(Collectors.joining(", "));
    }

    @Override
    public Object attachment() {
        return attachment;
    }

    @Override
    public void attach(Object value) {
        this.attachment = value;
    }

    @Override
    public void handler(WebSocketHandler newHandler) {
        onLoop(() -> this.handler = newHandler);
    }

    @Override
    public abstract InetSocketAddress remoteAddress();

    /** The negotiated extensions (loop thread). */
    java.util.List<Extension> negotiatedExtensions() {
        return connection == null ? java.util.List.of() : connection.extensions();
    }

    private boolean sent(boolean queued) {
        if (queued) {
            loop.markDirty(this);
        }
        return queued;
    }

    private boolean handOver(long bytes, Runnable send) {
        if (!sendable) {
            return false;
        }
        handedOver.addAndGet(bytes);
        loop.execute(() -> {
            handedOver.addAndGet(-bytes);
            if (!closed && connection != null && connection.isOpen()) {
                send.run();
                loop.markDirty(this);
            }
        });
        return true;
    }

    private void onLoop(Runnable action) {
        if (loop.inLoop()) {
            action.run();
        } else {
            loop.execute(action);
        }
    }

    private static ByteBuffer copyOf(ByteBuffer source) {
        ByteBuffer copy = ByteBuffer.allocate(source.remaining());
        copy.put(source.duplicate()).flip();
        return copy;
    }
}
