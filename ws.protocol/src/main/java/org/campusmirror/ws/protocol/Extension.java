package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A negotiated per-message extension on one connection, after the framework of
 * <a href="https://www.rfc-editor.org/rfc/rfc7692#section-5">RFC 7692 section 5</a> and the extension
 * points of <a href="https://www.rfc-editor.org/rfc/rfc6455#section-9">RFC 6455 section 9</a>:
 * it transforms the payload of whole messages and marks a transformed message with its {@link #rsvBits()}
 * on the message's first frame (never on continuation or control frames).
 *
 * <p>Receiving: when a message's first frame has this extension's RSV bits, the engine passes each payload
 * chunk of every frame of the message to {@link #decode} as it arrives (partial frames included), then calls
 * {@link #finishDecoding} after the final frame. Output goes to the sink in bounded pieces; the engine counts
 * it against {@link ProtocolLimits#maxMessageSize()} and fails with 1009 through the sink.
 *
 * <p>Sending: for each outgoing data message the engine asks {@link #encodes}; if true it passes the
 * message's data through {@link #encode} (non-final fragments) and {@link #encodeFinal} (the last or only
 * part), frames what each call produced, and sets the RSV bits on the first frame. If false the message goes
 * out untransformed with RSV clear, which every per-message extension must accept.
 *
 * <p>The engine calls {@link #close()} exactly once when the connection ends, whatever the reason. An
 * instance belongs to one connection and is called from one thread at a time.
 */
@ConsumerType
public interface Extension {

    /** The negotiated configuration: the element of the server's {@code Sec-WebSocket-Extensions} response. */
    ExtensionOffer negotiated();

    /** The RSV bits ({@link Frame#RSV1}, {@link Frame#RSV2}, {@link Frame#RSV3}) this extension sets. */
    int rsvBits();

    /**
     * Whether to transform an outgoing message.
     *
     * @param type   {@link OpCode#TEXT} or {@link OpCode#BINARY}
     * @param length the message length, or -1 when it is sent in fragments of unknown total size
     */
    boolean encodes(OpCode type, long length);

    /**
     * Transforms a non-final part of an outgoing message. Everything produced for {@code data} must reach
     * {@code out} before returning (the engine sends it as one frame). {@code data} is read between position
     * and limit and must not be modified.
     */
    void encode(ByteBuffer data, PayloadSink out) throws WebSocketProtocolException;

    /** Transforms the last (or only) part of an outgoing message and completes the message's encoding. */
    void encodeFinal(ByteBuffer data, PayloadSink out) throws WebSocketProtocolException;

    /**
     * Reverses the transform for the next received payload bytes (between position and limit; they may be
     * consumed). Throws 1007 (or another code) for data it cannot decode.
     */
    void decode(ByteBuffer data, PayloadSink out) throws WebSocketProtocolException;

    /** The message's final frame has been passed to {@link #decode}: produce any remaining output. */
    void finishDecoding(PayloadSink out) throws WebSocketProtocolException;

    /**
     * Heap bytes the extension keeps between calls to receive the peer's messages, e.g. a decompressor's
     * history. The engine reads it after decoding and charges it to the connection's {@link ByteBudget}; a
     * refusal fails the connection with 1013. Default: none.
     */
    default long retainedBytes() {
        return 0;
    }

    /** Releases resources (for permessage-deflate: {@code Deflater.end()}, {@code Inflater.end()}). Idempotent. */
    void close();
}
