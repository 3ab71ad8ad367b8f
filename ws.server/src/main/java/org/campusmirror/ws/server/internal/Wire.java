package org.campusmirror.ws.server.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * How a session's bytes cross its socket: as they are ({@link PlainWire}) or through TLS ({@link TlsWire}).
 * Confined to the session's loop thread.
 */
abstract class Wire {

    /** Receives the application bytes a read produced (valid during the call only). */
    interface Sink {
        void accept(ByteBuffer bytes);
    }

    /**
     * Reads once from the socket and passes the application bytes to {@code sink} (possibly in several
     * pieces). Returns the number of network bytes read, or -1 when the peer closed its side (EOF, or a TLS
     * close_notify).
     */
    abstract int read(SocketChannel channel, IoLoop loop, Sink sink) throws IOException;

    /**
     * Writes as much of {@code buffers[0 .. count)} as the socket takes now, advancing their positions past
     * what was written (or, with TLS, encrypted). Returns whether the wire itself holds nothing unwritten.
     */
    abstract boolean write(SocketChannel channel, IoLoop loop, ByteBuffer[] buffers, int count) throws IOException;

    /** Whether bytes the wire produced itself (TLS records) still wait for the socket. */
    abstract boolean hasPendingOutput();

    /** Whether application bytes can flow yet (a TLS handshake is complete). */
    abstract boolean isEstablished();

    /**
     * Our last application bytes are written: produces and writes the wire's own goodbye (a TLS close_notify,
     * RFC 8446 section 6.1) before the session shuts its output down. Returns whether all of it is written;
     * if not, call again when the socket takes more. Plain TCP has nothing to say.
     */
    boolean closeOutput(SocketChannel channel, IoLoop loop) throws IOException {
        return true;
    }

    /** Input is dropped unread from now on (the session is closing): forget what is kept of it. */
    void stopReading() {
    }

    /** Best-effort goodbye when the socket closes without {@link #closeOutput} (a TLS close_notify). */
    void closing(SocketChannel channel, IoLoop loop) {
    }

    /** Bytes this wire keeps between reads and writes (for memory accounting and tests). */
    abstract int retainedBytes();
}
