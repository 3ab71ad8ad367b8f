package org.campusmirror.ws.deflate.internal;

import java.nio.ByteBuffer;
import java.util.zip.Deflater;

import org.campusmirror.ws.protocol.PayloadSink;
import org.campusmirror.ws.protocol.WebSocketProtocolException;

/**
 * {@link MessageCompressor} on {@code java.util.zip.Deflater}, for a full 15-bit window. With context
 * takeover it owns a Deflater for the connection's life; without, it borrows the slot's pooled Deflater for
 * one message (the pool resets it when the slot is released), so no compressor stays allocated per
 * connection.
 */
public final class ZlibMessageCompressor implements MessageCompressor {
    private static final byte[] NO_INPUT = new byte[0];

    private final ZlibStreams streams;
    private final int level;
    private final boolean contextTakeover;
    private Deflater owned;

    /** @param contextTakeover whether messages may refer back into earlier ones (an owned Deflater) */
    public ZlibMessageCompressor(ZlibStreams streams, int level, boolean contextTakeover) {
        this.streams = streams;
        this.level = level;
        this.contextTakeover = contextTakeover;
    }

    @Override
    public void compress(ByteBuffer data, boolean endOfMessage, CompressionPool.Slot slot, PayloadSink out)
            throws WebSocketProtocolException {
        // Without context takeover the slot's Deflater serves this message only; the pool resets it on release.
        Deflater deflater = contextTakeover ? owned() : slot.deflater();
        try {
            deflate(deflater, data, slot.scratch(), out);
        } finally {
            deflater.setInput(NO_INPUT); // drop the reference to the caller's buffer
        }
    }

    /** Compresses all of {@code data} with a sync flush, handing output on in scratch-sized pieces. */
    public static void deflate(Deflater deflater, ByteBuffer data, byte[] scratch, PayloadSink out)
            throws WebSocketProtocolException {
        deflater.setInput(data);
        int produced;
        do {
            produced = deflater.deflate(scratch, 0, scratch.length, Deflater.SYNC_FLUSH);
            if (produced > 0) {
                out.accept(ByteBuffer.wrap(scratch, 0, produced));
            }
        } while (produced == scratch.length);
        if (!deflater.needsInput()) {
            throw new IllegalStateException("Deflater kept input after a sync flush");
        }
    }

    private Deflater owned() {
        if (owned == null) {
            owned = streams.newDeflater(level);
        }
        return owned;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.end();
            owned = null;
        }
    }
}
