package org.campusmirror.ws.server.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.campusmirror.ws.protocol.CloseStatus;
import org.campusmirror.ws.protocol.Frame;
import org.campusmirror.ws.protocol.Utf8Validator;
import org.campusmirror.ws.server.WebSocket;
import org.campusmirror.ws.server.WebSocketHandler;

/**
 * One connection as the application sees it ({@link WebSocket}), callable from any thread. On the connection's
 * loop thread a call acts at once on its {@link Session}; from another thread the bytes are copied, charged to
 * the server's budget and handed to the loop, in order. A hand-over the budget cannot take closes the
 * connection with 1013 (try again later) and returns false, rather than losing one message silently.
 */
final class SessionSocket implements WebSocket {
    /** What a hand-over costs besides its bytes: the copy's buffer object and the queued task. */
    private static final int HAND_OVER_COST = 128;

    private final Session session;
    /** Mirrors "open and no close frame sent" for other threads. */
    private volatile boolean sendable;
    /** {@link #bufferedAmount()} as of the last flush, for other threads. */
    private volatile long queuedSnapshot;
    /** Bytes other threads handed over that have not reached the engine yet. */
    private final AtomicLong handedOver = new AtomicLong();
    private volatile Object attachment;

    SessionSocket(Session session) {
        this.session = session;
    }

    Session session() {
        return session;
    }

    void startSending() {
        sendable = true;
    }

    void stopSending() {
        sendable = false;
    }

    void queued(long bytes) {
        queuedSnapshot = bytes;
    }

    long handedOver() {
        return handedOver.get();
    }

    @Override
    public boolean sendText(CharSequence text) {
        if (session.loop.inLoop()) {
            return sent(session.connection != null && session.connection.sendText(text));
        }
        String copy = text.toString();
        return handOver(copy.length(), 2L * copy.length(), () -> session.connection.sendText(copy));
    }

    @Override
    public boolean sendText(ByteBuffer utf8) {
        if (session.loop.inLoop()) {
            return sent(session.connection != null && session.connection.sendText(utf8));
        }
        if (!Utf8Validator.isValid(utf8)) {
            throw new IllegalArgumentException("text is not valid UTF-8");
        }
        ByteBuffer copy = copyOf(utf8);
        return handOver(copy.remaining(), copy.capacity(), () -> session.connection.sendText(copy));
    }

    @Override
    public boolean sendBinary(ByteBuffer data) {
        if (session.loop.inLoop()) {
            return sent(session.connection != null && session.connection.sendBinary(data));
        }
        ByteBuffer copy = copyOf(data);
        return handOver(copy.remaining(), copy.capacity(), () -> session.connection.sendBinary(copy));
    }

    @Override
    public boolean ping(ByteBuffer payload) {
        if (payload.remaining() > Frame.MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException("control frame payload over 125 bytes");
        }
        if (session.loop.inLoop()) {
            return sent(session.connection != null && session.connection.ping(payload));
        }
        ByteBuffer copy = copyOf(payload);
        return handOver(copy.remaining(), copy.capacity(), () -> session.connection.ping(copy));
    }

    @Override
    public void close() {
        close(CloseStatus.NORMAL, "");
    }

    @Override
    public void close(int code, String reason) {
        Frame.closePayload(code, reason); // refuse a bad code or reason on the caller's thread
        sendable = false;
        onLoop(() -> session.closeWith(code, reason));
    }

    @Override
    public void terminate() {
        sendable = false;
        onLoop(() -> {
            if (session.connection != null) {
                session.connection.terminate();
            }
            session.closeTransport();
        });
    }

    @Override
    public long bufferedAmount() {
        if (session.loop.inLoop()) {
            return session.pendingBytes() + handedOver.get();
        }
        return queuedSnapshot + handedOver.get();
    }

    @Override
    public void pause() {
        onLoop(() -> session.appPaused(true));
    }

    @Override
    public void resume() {
        onLoop(() -> session.appPaused(false));
    }

    @Override
    public boolean isOpen() {
        return sendable;
    }

    @Override
    public String subprotocol() {
        return session.connection == null ? null : session.connection.subprotocol();
    }

    @Override
    public String extensions() {
        if (session.connection == null) {
            return "";
        }
        return session.connection.extensions().stream().map(e -> e.negotiated().name())
                .collect(Collectors.joining(", "));
    }

    @Override
    public String path() {
        return session.path();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return session.remoteAddress();
    }

    @Override
    public Object principal() {
        return session.principal();
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
        onLoop(() -> session.handler = newHandler);
    }

    @Override
    public String toString() {
        return session.toString();
    }

    private boolean sent(boolean queued) {
        if (queued) {
            session.loop.markDirty(session);
        }
        return queued;
    }

    /** @param bytes what the message adds to {@link #bufferedAmount()}; @param held the heap its copy takes */
    private boolean handOver(long bytes, long held, Runnable send) {
        if (!sendable) {
            return false;
        }
        long cost = held + HAND_OVER_COST;
        if (!session.budget.tryAcquire(cost)) {
            sendable = false;
            onLoop(session::shed); // 1013: the peer reconnects and starts afresh, nothing is lost unseen
            return false;
        }
        handedOver.addAndGet(bytes);
        boolean queued = session.loop.execute(() -> {
            handedOver.addAndGet(-bytes);
            session.budget.release(cost); // from here the engine's queue holds it, charged by the session
            if (!session.isClosed() && session.connection != null && session.connection.isOpen()) {
                send.run();
                session.loop.markDirty(session);
            }
        });
        if (!queued) {
            handedOver.addAndGet(-bytes);
            session.budget.release(cost);
        }
        return queued;
    }

    private void onLoop(Runnable action) {
        if (session.loop.inLoop()) {
            action.run();
        } else {
            session.loop.execute(action);
        }
    }

    private static ByteBuffer copyOf(ByteBuffer source) {
        ByteBuffer copy = ByteBuffer.allocate(source.remaining());
        copy.put(source.duplicate()).flip();
        return copy;
    }
}
