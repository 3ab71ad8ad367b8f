package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;

import org.campusmirror.ws.protocol.internal.FrameDecoder;

/**
 * The message layer of the receive path (RFC 6455 sections 5.4 and 6.2): checks fragment order, runs
 * extension decoding, validates text as UTF-8 chunk by chunk (failing at the first bad byte, section 8.1),
 * applies the message size limit (after decoding) and delivers messages to the listener. Control frames
 * are gathered (at most 125 bytes) and handed to the connection.
 *
 * <p>A single-frame message whose payload arrived in one read is delivered straight from the transport's
 * buffer; anything else is assembled in a buffer that grows with the bytes actually received (doubling, so a
 * peer must send the bytes it makes us hold). The assembly buffer's capacity and what the extensions keep
 * between messages are drawn from the connection's {@link ByteBudget} before they are allocated; a refusal
 * fails the connection with 1013.
 */
final class InboundMessages implements FrameDecoder.Sink, PayloadSink {
    /**
     * An assembly buffer above this size is dropped after its message rather than kept for the next: a kept
     * buffer stays charged to the budget, and a thousand connections keeping 64 KiB each would hold most of it.
     */
    private static final int KEEP_ASSEMBLY = 4 << 10;
    private static final int MIN_ASSEMBLY = 1024;
    /** A frame of known length up to this size is assembled in one buffer allocated at once. */
    private static final int EAGER_ASSEMBLY = 64 << 10;

    private final WebSocketConnection connection;
    private final WebSocketListener listener;
    private final long maxMessageSize;
    private final boolean streamed;
    private final ExtensionPipeline pipeline;
    private final ByteBudget budget;
    private final Utf8Validator utf8 = new Utf8Validator();
    private final ByteBuffer control = ByteBuffer.allocate(Frame.MAX_CONTROL_PAYLOAD);
    private final ByteBuffer empty = ByteBuffer.allocate(0);

    private int frameOpcode;
    private boolean frameFinal;
    private long frameRemaining;
    private boolean frameUntouched;

    private OpCode messageType; // null between messages
    private boolean transformed;
    private long messageSize;
    private boolean delivered;
    private ByteBuffer assembly;
    /** What the extensions keep between messages, as last charged to the budget. */
    private long retainedCharged;

    InboundMessages(WebSocketConnection connection, WebSocketListener listener, ProtocolLimits limits,
            MessageDelivery delivery, ExtensionPipeline pipeline, ByteBudget budget) {
        this.connection = connection;
        this.listener = listener;
        this.maxMessageSize = limits.maxMessageSize();
        this.streamed = delivery == MessageDelivery.STREAMED;
        this.pipeline = pipeline;
        this.budget = budget;
    }

    @Override
    public void frameStart(int firstByte, long payloadLength) throws WebSocketProtocolException {
        int op = firstByte & 0x0F;
        frameOpcode = op;
        frameFinal = (firstByte & Frame.FIN) != 0;
        frameRemaining = payloadLength;
        frameUntouched = true;
        if (op >= OpCode.CLOSE.code()) {
            control.clear();
            return;
        }
        if (op == OpCode.CONTINUATION.code()) {
            if (messageType == null) {
                throw protocolError("continuation frame without a message to continue");
            }
        } else {
            if (messageType != null) {
                throw protocolError("new data frame before the fragmented message ended");
            }
            beginMessage(op == OpCode.TEXT.code() ? OpCode.TEXT : OpCode.BINARY, firstByte & Frame.RSV_MASK);
        }
        if (!transformed && messageSize + payloadLength > maxMessageSize) {
            throw tooBig(messageSize + payloadLength);
        }
    }

    private void beginMessage(OpCode type, int rsv) {
        messageType = type;
        messageSize = 0;
        delivered = false;
        utf8.reset();
        transformed = rsv != 0;
        if (transformed) {
            pipeline.beginDecoding(rsv);
        }
        if (streamed) {
            listener.onMessageStart(connection, type);
        }
    }

    @Override
    public void payload(ByteBuffer chunk) throws WebSocketProtocolException {
        int length = chunk.remaining();
        boolean wholeFrame = frameUntouched && length == frameRemaining;
        frameUntouched = false;
        frameRemaining -= length;
        if (frameOpcode >= OpCode.CLOSE.code()) {
            control.put(chunk);
            return;
        }
        if (transformed) {
            pipeline.decode(chunk, this);
            chargeRetained();
            return;
        }
        messageSize += length;
        if (messageType == OpCode.TEXT && !utf8.feed(chunk)) {
            throw invalidUtf8();
        }
        if (streamed) {
            listener.onMessageData(connection, chunk);
        } else if (wholeFrame && frameFinal && messageSize == length) {
            // The whole message sits in the transport's buffer: deliver it from there, without a copy.
            if (messageType == OpCode.TEXT && !utf8.isComplete()) {
                throw invalidUtf8();
            }
            delivered = true;
            deliver(messageType, chunk);
        } else {
            append(chunk, frameRemaining);
        }
    }

    /** Output of extension decoding: counted against the limit after decoding (zip bombs), then handled. */
    @Override
    public void accept(ByteBuffer decoded) throws WebSocketProtocolException {
        messageSize += decoded.remaining();
        if (messageSize > maxMessageSize) {
            throw tooBig(messageSize);
        }
        if (messageType == OpCode.TEXT && !utf8.feed(decoded)) {
            throw invalidUtf8();
        }
        if (streamed) {
            listener.onMessageData(connection, decoded);
        } else {
            append(decoded, 0);
        }
    }

    @Override
    public boolean frameEnd() throws WebSocketProtocolException {
        if (frameOpcode >= OpCode.CLOSE.code()) {
            control.flip();
            return connection.controlFrameReceived(frameOpcode, control);
        }
        if (!frameFinal) {
            return connection.acceptsInput();
        }
        if (transformed) {
            pipeline.finishDecoding(this);
            chargeRetained();
        }
        if (messageType == OpCode.TEXT && !utf8.isComplete()) {
            throw invalidUtf8();
        }
        OpCode type = messageType;
        messageType = null;
        if (streamed) {
            listener.onMessageEnd(connection);
        } else if (!delivered) {
            deliverAssembled(type);
        }
        return connection.acceptsInput();
    }

    /** Drops any partial message (after the peer's close frame, or when failing); its bytes go back to the budget. */
    void release() {
        dropAssembly();
        messageType = null;
    }

    /** The connection ended: also gives back what the extensions kept (they are closed next). */
    void close() {
        release();
        if (retainedCharged > 0) {
            budget.release(retainedCharged);
            retainedCharged = 0;
        }
    }

    private void deliverAssembled(OpCode type) {
        ByteBuffer message = assembly == null ? empty.clear() : assembly.flip();
        deliver(type, message);
        if (assembly != null) {
            if (assembly.capacity() > KEEP_ASSEMBLY) {
                dropAssembly();
            } else {
                assembly.clear();
            }
        }
    }

    private void dropAssembly() {
        if (assembly != null) {
            budget.release(assembly.capacity());
            assembly = null;
        }
    }

    /** Charges (or gives back) the change in what the extensions keep, e.g. a decompressor's history. */
    private void chargeRetained() throws WebSocketProtocolException {
        long retained = pipeline.retainedBytes();
        long more = retained - retainedCharged;
        if (more > 0 && !budget.tryAcquire(more)) {
            throw overBudget(more);
        }
        if (more < 0) {
            budget.release(-more);
        }
        retainedCharged = retained;
    }

    private void deliver(OpCode type, ByteBuffer message) {
        if (type == OpCode.TEXT) {
            listener.onTextUtf8(connection, message);
        } else {
            listener.onBinary(connection, message);
        }
    }

    /**
     * Appends to the assembly buffer. When the end of the message is known (the rest of a final frame) it is
     * sized for it, in steps that double from {@link #EAGER_ASSEMBLY}; otherwise it doubles from
     * {@link #MIN_ASSEMBLY} up to the message limit. So what it holds follows what arrived, and a peer that
     * announces a big frame must send the bytes before they are held. Each growth is charged first.
     */
    private void append(ByteBuffer bytes, long stillToCome) throws WebSocketProtocolException {
        int needed = bytes.remaining();
        if (assembly == null || assembly.remaining() < needed) {
            int capacity = assembly == null ? 0 : assembly.capacity();
            long required = (assembly == null ? 0L : assembly.position()) + needed;
            boolean endKnown = stillToCome > 0 || (frameFinal && !transformed);
            long wanted = endKnown
                    ? Math.min(required + stillToCome, Math.max(2L * capacity, EAGER_ASSEMBLY))
                    : Math.min(Math.max(2L * capacity, MIN_ASSEMBLY), maxMessageSize);
            wanted = Math.max(required, wanted);
            if (!budget.tryAcquire(wanted - capacity)) { // the old buffer's charge carries over to the new one
                throw overBudget(required);
            }
            ByteBuffer larger = ByteBuffer.allocate((int) wanted);
            if (assembly != null) {
                larger.put(assembly.flip());
            }
            assembly = larger;
        }
        assembly.put(bytes);
    }

    private WebSocketProtocolException overBudget(long bytes) {
        return new WebSocketProtocolException(CloseStatus.TRY_AGAIN_LATER,
                "no memory left to hold " + bytes + " bytes of a message now (the server is busy)");
    }

    private static WebSocketProtocolException protocolError(String message) {
        return new WebSocketProtocolException(CloseStatus.PROTOCOL_ERROR, message);
    }

    private static WebSocketProtocolException invalidUtf8() {
        return new WebSocketProtocolException(CloseStatus.INVALID_PAYLOAD, "text message is not valid UTF-8");
    }

    private WebSocketProtocolException tooBig(long size) {
        return new WebSocketProtocolException(CloseStatus.MESSAGE_TOO_BIG,
                "message of " + size + " bytes exceeds maxMessageSize " + maxMessageSize);
    }
}
