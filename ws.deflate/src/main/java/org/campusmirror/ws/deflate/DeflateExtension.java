package org.campusmirror.ws.deflate;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

import org.campusmirror.ws.deflate.internal.CompressionPool;
import org.campusmirror.ws.deflate.internal.MessageCompressor;
import org.campusmirror.ws.deflate.internal.MessageInflater;
import org.campusmirror.ws.deflate.internal.TailStrippingSink;
import org.campusmirror.ws.deflate.internal.WindowedMessageCompressor;
import org.campusmirror.ws.deflate.internal.ZlibMessageCompressor;
import org.campusmirror.ws.deflate.internal.ZlibStreams;
import org.campusmirror.ws.protocol.Extension;
import org.campusmirror.ws.protocol.ExtensionOffer;
import org.campusmirror.ws.protocol.Frame;
import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.protocol.PayloadSink;
import org.campusmirror.ws.protocol.Role;
import org.campusmirror.ws.protocol.WebSocketConnection;
import org.campusmirror.ws.protocol.WebSocketProtocolException;

/**
 * permessage-deflate on one connection (<a href="https://www.rfc-editor.org/rfc/rfc7692#section-7.2">RFC 7692
 * section 7.2</a>), made by {@link PerMessageDeflate} in the opening handshake; the engine drives it.
 *
 * <p>Sending: a data message of at least {@link PerMessageDeflateOptions#threshold()} bytes (or of unknown
 * size, sent in fragments) is compressed if a compression slot is free (the concurrency limit), else sent
 * as it is; control frames are never compressed. Every part ends with a sync flush; the last part loses its
 * {@code 00 00 ff ff} tail (7.2.1). Our window is the agreed one: {@code java.util.zip.Deflater} at 15 bits,
 * the in-house windowed compressor below. Without context takeover every message starts from an empty
 * window. {@link #sendNextUncompressed()} sends the next message as it is.
 *
 * <p>Receiving: RSV1 messages are inflated as their frames arrive, the tail appended at the end (7.2.2),
 * the size limit applied by the engine to the inflated bytes. Invalid compressed data fails with 1007.
 *
 * <p>{@link #close()} (the engine calls it when the connection ends) ends the {@code Deflater} and
 * {@code Inflater} at once. One thread at a time, as the engine's connection.
 */
public final class DeflateExtension implements Extension {
    private final Role role;
    private final DeflateParameters parameters;
    private final ExtensionOffer negotiated;
    private final int threshold;
    private final CompressionPool pool;
    private final MessageCompressor compressor;
    private final MessageInflater inflater;
    private final TailStrippingSink tail = new TailStrippingSink();
    private CompressionPool.Slot slot;
    private boolean skipNext;
    private boolean closed;

    DeflateExtension(Role role, DeflateParameters parameters, ExtensionOffer negotiated,
            PerMessageDeflateOptions options, CompressionPool pool, ZlibStreams streams) {
        this.role = Objects.requireNonNull(role, "role");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.negotiated = Objects.requireNonNull(negotiated, "negotiated");
        this.threshold = options.threshold();
        this.pool = pool;
        Role peer = role == Role.SERVER ? Role.CLIENT : Role.SERVER;
        boolean ourContextTakeover = !parameters.noContextTakeover(role);
        int ourWindow = parameters.windowBits(role);
        this.compressor = ourWindow < PerMessageDeflateOptions.MAX_WINDOW_BITS
                ? new WindowedMessageCompressor(ourWindow, options.compressionLevel(), options.memLevel(),
                        ourContextTakeover)
                : new ZlibMessageCompressor(streams, options.compressionLevel(), ourContextTakeover);
        this.inflater = new MessageInflater(streams, !parameters.noContextTakeover(peer), parameters.windowBits(peer));
    }

    /** The permessage-deflate extension negotiated on {@code connection}, if any. */
    public static Optional<DeflateExtension> on(WebSocketConnection connection) {
        for (Extension e : connection.extensions()) {
            if (e instanceof DeflateExtension deflate) {
                return Optional.of(deflate);
            }
        }
        return Optional.empty();
    }

    /** The parameters in force on this connection. */
    public DeflateParameters parameters() {
        return parameters;
    }

    /** Our side of the connection. */
    public Role role() {
        return role;
    }

    /**
     * Sends the next data message uncompressed (RSV1 clear), whatever its size: for data known not to
     * compress (already compressed images) or to save CPU on one message.
     */
    public void sendNextUncompressed() {
        skipNext = true;
    }

    /**
     * Whether a message compressed once at the full window without context takeover
     * ({@link PerMessageDeflate#encodeShared}) is valid on this connection: we are the server, we agreed not to
     * take over context, and our window is 15 bits.
     */
    boolean acceptsSharedCompressedFrames() {
        return role == Role.SERVER && !closed && parameters.serverNoContextTakeover()
                && parameters.windowBits(Role.SERVER) == PerMessageDeflateOptions.MAX_WINDOW_BITS;
    }

    @Override
    public ExtensionOffer negotiated() {
        return negotiated;
    }

    @Override
    public int rsvBits() {
        return Frame.RSV1;
    }

    @Override
    public boolean encodes(OpCode type, long length) {
        if (closed) {
            return false;
        }
        if (skipNext) {
            skipNext = false;
            return false;
        }
        if (length >= 0 && length < threshold) {
            return false;
        }
        if (slot != null) {
            throw new IllegalStateException("a new message while the previous one is still being compressed");
        }
        slot = pool.tryAcquire();
        return slot != null;
    }

    @Override
    public void encode(ByteBuffer data, PayloadSink out) throws WebSocketProtocolException {
        compressor.compress(data, false, requireSlot(), out);
    }

    @Override
    public void encodeFinal(ByteBuffer data, PayloadSink out) throws WebSocketProtocolException {
        try {
            compressor.compress(data, true, requireSlot(), tail.begin(out));
            tail.finish();
        } finally {
            releaseSlot();
        }
    }

    @Override
    public void decode(ByteBuffer data, PayloadSink out) throws WebSocketProtocolException {
        inflater.decode(data, out);
    }

    @Override
    public void finishDecoding(PayloadSink out) throws WebSocketProtocolException {
        inflater.finishMessage(out);
    }

    /** The decompressor's history (up to the peer's window), charged to the connection's budget by the engine. */
    @Override
    public long retainedBytes() {
        return inflater.retainedBytes();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        compressor.close();
        inflater.close();
        releaseSlot();
    }

    private CompressionPool.Slot requireSlot() {
        if (slot == null) {
            throw new IllegalStateException("encode without encodes() having accepted the message");
        }
        return slot;
    }

    private void releaseSlot() {
        if (slot != null) {
            CompressionPool.Slot released = slot;
            slot = null;
            pool.release(released);
        }
    }

    @Override
    public String toString() {
        return "DeflateExtension[" + role + ", " + parameters + "]";
    }
}
