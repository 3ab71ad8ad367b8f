package org.campusmirror.ws.deflate.internal;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import org.campusmirror.ws.protocol.CloseStatus;
import org.campusmirror.ws.protocol.PayloadSink;
import org.campusmirror.ws.protocol.WebSocketProtocolException;

/**
 * Decompresses the messages the peer sends (<a href="https://www.rfc-editor.org/rfc/rfc7692#section-7.2.2">RFC
 * 7692 section 7.2.2</a>), streaming: compressed bytes go in as they arrive, inflated bytes go to the sink in
 * pieces of at most {@link #CHUNK} bytes. The sink applies the message size limit to the inflated size and
 * throws when it is crossed, which stops inflating at once (a zip bomb costs one chunk beyond the limit).
 *
 * <p>At the end of a message the tail {@code 00 00 ff ff} is appended. Two leniencies, both safe: a message
 * whose compressed payload is empty is an empty message (the tail alone would leave the inflater inside a
 * stored block); a message that ends exactly with a BFINAL block needs no tail. After a BFINAL block
 * (section 7.2.3.4) decompression continues with a fresh {@code Inflater} primed with the history.
 *
 * <p>Data that does not inflate fails with 1007, as {@code ws} does. The {@code Inflater} is created at the
 * first compressed message and must be released with {@link #close()}. One thread at a time.
 */
public final class MessageInflater {
    /** Inflated output is handed on in pieces of at most this many bytes. */
    public static final int CHUNK = 16 * 1024;
    private static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};
    private static final byte[] NO_INPUT = new byte[0];
    /**
     * Inflated pieces go through one buffer per thread, not one per connection: the sink consumes each piece
     * before {@code accept} returns, and a thousand idle connections would otherwise hold 16 MiB of them.
     */
    private static final ThreadLocal<byte[]> OUTPUT = ThreadLocal.withInitial(() -> new byte[CHUNK]);

    private final ZlibStreams streams;
    private final boolean contextTakeover;
    private final InflateHistory history;
    private final ByteBuffer tail = ByteBuffer.wrap(TAIL);
    private Inflater inflater;
    private boolean streamEnded;
    private long messageInput;

    /**
     * @param contextTakeover whether the peer's messages may refer back into earlier ones
     * @param windowBits      the peer's window (8..15): how much history a restart after BFINAL needs
     */
    public MessageInflater(ZlibStreams streams, boolean contextTakeover, int windowBits) {
        this.streams = streams;
        this.contextTakeover = contextTakeover;
        this.history = new InflateHistory(1 << windowBits);
    }

    /** Inflates the next compressed bytes of the current message (all consumed). */
    public void decode(ByteBuffer data, PayloadSink out) throws WebSocketProtocolException {
        messageInput += data.remaining();
        inflate(data, out);
    }

    /** The message's last frame has been decoded: append the tail, flush, and get ready for the next one. */
    public void finishMessage(PayloadSink out) throws WebSocketProtocolException {
        try {
            if (messageInput > 0 && !streamEnded) {
                inflate(tail.clear(), out);
            }
        } finally {
            messageInput = 0;
        }
        if (!contextTakeover && inflater != null) {
            inflater.reset();
            streamEnded = false;
            history.clear();
        }
    }

    /** Heap bytes kept between messages: the history (the inflate buffer is the thread's, the zlib state native). */
    public long retainedBytes() {
        return history.capacity();
    }

    /** Ends the {@code Inflater}: its native memory is freed now. Idempotent. */
    public void close() {
        if (inflater != null) {
            inflater.end();
            inflater = null;
        }
    }

    private void inflate(ByteBuffer in, PayloadSink out) throws WebSocketProtocolException {
        if (inflater == null) {
            inflater = streams.newInflater();
        }
        try {
            inflateAll(in, out, OUTPUT.get());
        } finally {
            // The engine reuses its buffer once decode returns: never keep a reference to it.
            inflater.setInput(NO_INPUT);
        }
    }

    private void inflateAll(ByteBuffer in, PayloadSink out, byte[] output) throws WebSocketProtocolException {
        while (true) {
            if (inflater.finished()) {
                streamEnded = true;
                if (!in.hasRemaining()) {
                    return;
                }
                restartAfterFinalBlock();
            }
            if (inflater.needsInput() && in.hasRemaining()) {
                inflater.setInput(in);
            }
            int produced;
            try {
                produced = inflater.inflate(output);
            } catch (DataFormatException e) {
                throw new WebSocketProtocolException(CloseStatus.INVALID_PAYLOAD,
                        "compressed message does not inflate: " + e.getMessage());
            }
            if (produced > 0) {
                history.append(output, 0, produced);
                out.accept(ByteBuffer.wrap(output, 0, produced));
            } else if (inflater.needsInput() && !in.hasRemaining()) {
                return;
            } else if (!inflater.finished() && !inflater.needsInput()) {
                throw new WebSocketProtocolException(CloseStatus.INVALID_PAYLOAD,
                        "compressed message does not inflate: no progress");
            }
        }
    }

    /** The peer ended a DEFLATE stream with BFINAL and goes on: a new stream that sees the old history. */
    private void restartAfterFinalBlock() {
        inflater.reset();
        if (history.size() > 0) {
            inflater.setDictionary(history.contents());
        }
        streamEnded = false;
    }
}
