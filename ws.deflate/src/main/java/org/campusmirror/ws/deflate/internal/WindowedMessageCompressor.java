package org.campusmirror.ws.deflate.internal;

import java.nio.ByteBuffer;

import org.campusmirror.ws.protocol.PayloadSink;
import org.campusmirror.ws.protocol.WebSocketProtocolException;

/**
 * {@link MessageCompressor} on the in-house {@link WindowedDeflater}, for a peer that limited our window below
 * 15 bits ({@code java.util.zip.Deflater} always uses 32 KiB and could refer back farther than agreed). Pure
 * Java: its state is heap memory, O(window + 32 KiB + hash table), created at the first compressed message.
 */
public final class WindowedMessageCompressor implements MessageCompressor {
    /** Input is fed in pieces of this size and output drained in between, so neither piles up. */
    private static final int FEED = 64 * 1024;

    private final WindowedDeflaterConfig config;
    private final boolean contextTakeover;
    private WindowedDeflater deflater;

    /**
     * @param windowBits 8..14 (8 means 256 bytes, literally)
     * @param level      zlib-style level: 1..3 (and 0, which this compressor cannot map to stored-only output)
     *                   search shallowly, the rest as zlib's default
     * @param memLevel   1..9: the hash table has at most 2^(memLevel + 7) heads, as in zlib
     */
    public WindowedMessageCompressor(int windowBits, int level, int memLevel, boolean contextTakeover) {
        // KEEP in any case: a sync flush inside a message must not forget history; the reset is ours.
        WindowedDeflaterConfig base = WindowedDeflaterConfig.of(windowBits, WindowedDeflaterConfig.ContextTakeover.KEEP)
                .withMaxHashBits(memLevel + 7);
        this.config = level >= 0 && level <= 3 ? base.withFastSearch() : base;
        this.contextTakeover = contextTakeover;
    }

    @Override
    public void compress(ByteBuffer data, boolean endOfMessage, CompressionPool.Slot slot, PayloadSink out)
            throws WebSocketProtocolException {
        if (deflater == null) {
            deflater = new WindowedDeflater(config);
        }
        byte[] scratch = slot.scratch();
        ByteBuffer piece = data.duplicate();
        while (piece.position() < data.limit()) {
            piece.limit(Math.min(data.limit(), piece.position() + FEED));
            deflater.write(piece);
            drain(scratch, out);
        }
        data.position(data.limit());
        deflater.finishMessage(); // with KEEP this is a sync flush ending in 00 00 ff ff
        drain(scratch, out);
        if (endOfMessage && !contextTakeover) {
            deflater.reset();
        }
    }

    private void drain(byte[] scratch, PayloadSink out) throws WebSocketProtocolException {
        while (deflater.pendingOutput() > 0) {
            int n = deflater.drainTo(scratch, 0, scratch.length);
            out.accept(ByteBuffer.wrap(scratch, 0, n));
        }
    }

    @Override
    public void close() {
        deflater = null;
    }
}
