package org.campusmirror.ws.server.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * TLS over the socket through an {@link SSLEngine} (wss, RFC 6455 section 11.1.2). Records are decrypted
 * and encrypted in the loop's shared buffers; the session keeps only a partial record that arrived
 * incomplete and encrypted bytes the socket did not take, each in a buffer of exactly their size.
 * Delegated handshake tasks run inline on the loop thread (they are short: certificate checks).
 */
final class TlsWire extends Wire {
    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};

    private final SSLEngine engine;
    private ByteBuffer partialRecord;
    private ByteBuffer unwritten;
    private boolean established;

    TlsWire(SSLEngine engine) throws SSLException {
        this.engine = engine;
        engine.beginHandshake();
    }

    @Override
    int read(SocketChannel channel, IoLoop loop, Sink sink) throws IOException {
        ByteBuffer net = loop.tlsNetIn().clear();
        if (partialRecord != null) {
            net.put(partialRecord);
            partialRecord = null;
        }
        int n = channel.read(net);
        net.flip();
        boolean open = unwrapAll(channel, loop, net, sink);
        if (net.hasRemaining()) {
            partialRecord = ByteBuffer.allocate(net.remaining()).put(net).flip();
        }
        return !open || n < 0 ? -1 : n;
    }

    /** Decrypts every whole record in {@code net}; returns false once the peer's close_notify arrived. */
    private boolean unwrapAll(SocketChannel channel, IoLoop loop, ByteBuffer net, Sink sink) throws IOException {
        ByteBuffer app = loop.tlsApp();
        while (true) {
            app.clear();
            SSLEngineResult result = engine.unwrap(net, app);
            if (app.position() > 0) {
                sink.accept(app.flip());
            }
            advanceHandshake(channel, loop, result.getHandshakeStatus());
            switch (result.getStatus()) {
                case CLOSED:
                    return false;
                case BUFFER_UNDERFLOW:
                    return true;
                case BUFFER_OVERFLOW:
                    throw new SSLException("TLS record larger than the loop's buffer");
                default:
                    boolean again = engine.getHandshakeStatus() == HandshakeStatus.NEED_UNWRAP_AGAIN;
                    if ((!net.hasRemaining() && !again)
                            || (result.bytesConsumed() == 0 && result.bytesProduced() == 0 && !again)) {
                        return true;
                    }
            }
        }
    }

    /** Runs delegated tasks and sends handshake records until the handshake needs the peer (or is done). */
    private void advanceHandshake(SocketChannel channel, IoLoop loop, HandshakeStatus status) throws IOException {
        while (true) {
            switch (status) {
                case NEED_TASK:
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                    status = engine.getHandshakeStatus();
                    break;
                case NEED_WRAP:
                    if (unwritten != null || !write(channel, loop, NOTHING, 1)) {
                        return; // the socket is full; OP_WRITE goes on
                    }
                    status = engine.getHandshakeStatus();
                    if (status == HandshakeStatus.NEED_WRAP) {
                        return; // e.g. outbound closed
                    }
                    break;
                case FINISHED:
                    established = true;
                    return;
                case NOT_HANDSHAKING:
                    established = true;
                    return;
                default: // NEED_UNWRAP, NEED_UNWRAP_AGAIN: the peer's turn
                    return;
            }
        }
    }

    @Override
    boolean write(SocketChannel channel, IoLoop loop, ByteBuffer[] buffers, int count) throws IOException {
        if (unwritten != null) {
            channel.write(unwritten);
            if (unwritten.hasRemaining()) {
                return false;
            }
            unwritten = null;
        }
        ByteBuffer out = loop.tlsNetOut();
        int packet = engine.getSession().getPacketBufferSize();
        while (true) {
            out.clear();
            SSLEngineResult result;
            do {
                result = engine.wrap(buffers, 0, count, out);
                HandshakeStatus status = result.getHandshakeStatus();
                if (status == HandshakeStatus.NEED_TASK) {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                } else if (status == HandshakeStatus.FINISHED) {
                    established = true;
                }
            } while (result.getStatus() == SSLEngineResult.Status.OK && result.bytesProduced() > 0
                    && out.remaining() >= packet
                    && (anyRemaining(buffers, count) || engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP));
            out.flip();
            if (out.hasRemaining()) {
                channel.write(out);
                if (out.hasRemaining()) {
                    unwritten = ByteBuffer.allocate(out.remaining()).put(out).flip();
                    return false;
                }
            }
            if (result.getStatus() != SSLEngineResult.Status.OK || result.bytesProduced() == 0) {
                return true; // nothing more to produce now (the handshake waits for the peer, or closed)
            }
            if (!anyRemaining(buffers, count) && engine.getHandshakeStatus() != HandshakeStatus.NEED_WRAP) {
                return true;
            }
        }
    }

    private static boolean anyRemaining(ByteBuffer[] buffers, int count) {
        for (int i = 0; i < count; i++) {
            if (buffers[i].hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    @Override
    boolean hasPendingOutput() {
        return unwritten != null;
    }

    @Override
    boolean isEstablished() {
        return established;
    }

    @Override
    boolean closeOutput(SocketChannel channel, IoLoop loop) throws IOException {
        // After closeOutbound the engine wraps nothing but close_notify (status CLOSED); TLS 1.2 then waits for
        // the peer's close_notify (NEED_UNWRAP), which the session does not need: it reads and drops input.
        engine.closeOutbound();
        return write(channel, loop, NOTHING, 1) && unwritten == null;
    }

    @Override
    void stopReading() {
        partialRecord = null;
    }

    @Override
    void closing(SocketChannel channel, IoLoop loop) {
        if (engine.isOutboundDone() && unwritten == null) {
            return; // close_notify went out already (closeOutput)
        }
        engine.closeOutbound();
        try {
            write(channel, loop, NOTHING, 1);
        } catch (IOException e) {
            IoLoop.LOG.debug("TLS close_notify not sent: {}", e.toString());
        }
    }

    @Override
    int retainedBytes() {
        return (partialRecord == null ? 0 : partialRecord.capacity()) + (unwritten == null ? 0 : unwritten.capacity());
    }
}
