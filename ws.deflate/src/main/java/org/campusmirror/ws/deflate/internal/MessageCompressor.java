package org.campusmirror.ws.deflate.internal;

import java.nio.ByteBuffer;

import org.campusmirror.ws.protocol.PayloadSink;
import org.campusmirror.ws.protocol.WebSocketProtocolException;

/**
 * Compresses the messages one side of a connection sends (RFC 7692 section 7.2.1), part by part. Each call
 * ends with a sync flush, so its output is complete and byte-aligned and ends with {@code 00 00 ff ff}; the
 * caller strips that tail from a message's last part. One thread at a time.
 */
public interface MessageCompressor {

    /**
     * Compresses {@code data} (consumed) and flushes. {@code endOfMessage}: the message is complete; without
     * context takeover the history is dropped afterwards.
     *
     * @param slot the compression slot held for this message: scratch buffer, pooled Deflater
     */
    void compress(ByteBuffer data, boolean endOfMessage, CompressionPool.Slot slot, PayloadSink out)
            throws WebSocketProtocolException;

    /** Releases what the compressor owns (native memory: {@code Deflater.end()}). Idempotent. */
    void close();
}
