package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

import org.campusmirror.ws.protocol.internal.FrameDecoder;

/**
 * One WebSocket endpoint after the opening handshake, without I/O: bytes in, events and bytes out
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-5">RFC 6455 sections 5</a> framing,
 * <a href="https://www.rfc-editor.org/rfc/rfc6455#section-7">7</a> closing, 8 error handling).
 *
 * <h2>Transport contract</h2>
 * <ol>
 * <li>Feed every byte read from the peer to {@link #receive(ByteBuffer)}. It consumes them all, may unmask
 *     them in place, raises listener events, and never throws for bad input: a protocol violation fails the
 *     connection (close frame queued, {@link WebSocketListener#onError}).</li>
 * <li>After {@code receive} and after any send call, write {@link #outbound()} and call
 *     {@link OutboundQueue#removeWritten()}. {@link #bufferedAmount()} tells how much waits (backpressure:
 *     stop reading from the peer while it is high).</li>
 * <li>When {@link #shouldCloseTransport()} is true, finish writing {@link #outbound()}, then close TCP.
 *     The server closes TCP first after the close handshake; a client waits for the server's FIN (7.1.1).</li>
 * <li>While {@link #hasCloseDeadline()}, call {@link #onCloseTimeout()} once the clock passes
 *     {@link #closeDeadlineNanos()} (the engine holds no timers).</li>
 * <li>When the TCP connection is gone, for any reason, call {@link #transportClosed()} exactly once: it fires
 *     {@link WebSocketListener#onClose} and releases the extensions.</li>
 * </ol>
 * A connection is not thread-safe: the transport calls it from one thread at a time, and the application's
 * sends go through the same thread (or are otherwise serialized with the transport's calls).
 */
public final class WebSocketConnection {

    /** Where the connection stands (after the opening handshake it is open). */
    public enum State {
        /** Messages flow both ways. */
        OPEN,
        /** A close frame was sent or received, or the connection failed; waiting for TCP to end. */
        CLOSING,
        /** The transport reported TCP closed. */
        CLOSED
    }

    private final Role role;
    private final WebSocketListener listener;
    private final ProtocolLimits limits;
    private final String subprotocol;
    private final List<Extension> extensions;
    private final LongSupplier nanoClock;
    private final FrameDecoder decoder;
    private final InboundMessages inbound;
    private final OutboundQueue outbound;
    private final FrameSender sender;
    private final int negotiatedRsv;

    private final ClosingHandshake closing;
    private OutgoingMessage openMessage;

    private WebSocketConnection(Builder b) {
        this.role = b.role;
        this.listener = Objects.requireNonNull(b.listener, "listener");
        this.limits = b.limits;
        this.subprotocol = b.subprotocol;
        this.extensions = List.copyOf(b.extensions);
        this.nanoClock = b.nanoClock;
        this.closing = new ClosingHandshake(role, limits.closingTimeout().toNanos());
        ExtensionPipeline receiving = ExtensionPipeline.forReceiving(extensions);
        this.negotiatedRsv = receiving.rsvBits();
        this.decoder = new FrameDecoder(role, negotiatedRsv, limits.maxFramePayload());
        this.inbound = new InboundMessages(this, listener, limits, b.delivery, receiving, b.inboundBudget);
        this.outbound = new OutboundQueue(b.directBuffers);
        MaskKeyGenerator keys = role.masksOutgoing()
                ? Objects.requireNonNullElseGet(b.maskKeys, MaskKeyGenerator::secure) : null;
        this.sender = new FrameSender(role, keys, outbound, ExtensionPipeline.forSending(extensions));
    }

    /** Starts building a connection for {@code role}; the listener is required. */
    public static Builder builder(Role role) {
        return new Builder(role);
    }

    // ---------------------------------------------------------------- transport side

    /**
     * Takes bytes from the peer (between position and limit); on return position equals limit. The bytes may
     * be unmasked in place; the buffer is free for reuse afterwards. Bytes arriving after the connection
     * failed or after the peer's close frame are discarded (RFC 6455 section 5.5.1).
     *
     * @throws RuntimeException only what a listener threw; the connection is then failed with 1011
     */
    public void receive(ByteBuffer in) {
        try {
            if (acceptsInput()) {
                decoder.decode(in, inbound);
            }
        } catch (WebSocketProtocolException e) {
            failConnection(e.closeCode());
            listener.onError(this, e);
        } catch (RuntimeException e) {
            failConnection(CloseStatus.INTERNAL_ERROR);
            throw e;
        } finally {
            if (!acceptsInput()) {
                in.position(in.limit());
            }
        }
    }

    /** The bytes waiting to be written to the peer. */
    public OutboundQueue outbound() {
        return outbound;
    }

    /** Bytes queued for the peer and not yet written, like the browser API's {@code bufferedAmount}. */
    public long bufferedAmount() {
        return outbound.remaining();
    }

    /**
     * True when the transport should close TCP once it has written {@link #outbound()}: a server after the
     * close handshake (RFC 6455 section 7.1.1), either role after failing the connection (7.1.7), after
     * {@link #terminate()} or after the closing timeout.
     */
    public boolean shouldCloseTransport() {
        return closing.shouldCloseTransport();
    }

    /** True while the engine waits for the peer's close frame, or (client) for the server to close TCP. */
    public boolean hasCloseDeadline() {
        return closing.hasDeadline();
    }

    /** The {@link System#nanoTime()} value (of the configured clock) at which to call {@link #onCloseTimeout()}. */
    public long closeDeadlineNanos() {
        return closing.deadline();
    }

    /** The closing timeout expired: give up waiting; {@link #shouldCloseTransport()} becomes true. */
    public void onCloseTimeout() {
        closing.timeOut();
    }

    /** The TCP connection is gone. Fires {@link WebSocketListener#onClose} once and releases the extensions. */
    public void transportClosed() {
        if (!closing.transportClosed()) {
            return;
        }
        openMessage = null;
        inbound.close();
        outbound.clear();
        for (Extension extension : extensions) {
            extension.close();
        }
        listener.onClose(this, closing.reportedCode(), closing.reportedReason());
    }

    // ---------------------------------------------------------------- application side

    public Role role() {
        return role;
    }

    /** The negotiated subprotocol, or null. */
    public String subprotocol() {
        return subprotocol;
    }

    /** The negotiated extensions, in the order they were negotiated. */
    public List<Extension> extensions() {
        return extensions;
    }

    public ProtocolLimits limits() {
        return limits;
    }

    public State state() {
        return closing.state();
    }

    /** Whether data messages can still be sent: no close frame sent and the connection not ended. */
    public boolean isOpen() {
        return closing.canSend();
    }

    /** Sends a text message. Returns false (and drops it) when the connection no longer sends messages. */
    public boolean sendText(CharSequence text) {
        return sendMessage(OpCode.TEXT, ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Sends a text message given as UTF-8 bytes (between position and limit; copied, left as they were).
     *
     * @throws IllegalArgumentException when the bytes are not valid UTF-8
     */
    public boolean sendText(ByteBuffer utf8) {
        if (!Utf8Validator.isValid(utf8)) {
            throw new IllegalArgumentException("text is not valid UTF-8");
        }
        return sendMessage(OpCode.TEXT, utf8);
    }

    /** Sends a binary message (bytes between position and limit; copied, left as they were). */
    public boolean sendBinary(ByteBuffer data) {
        return sendMessage(OpCode.BINARY, data);
    }

    /**
     * Starts a message sent in fragments. Until it is finished no other data message may be sent.
     *
     * @param type {@link OpCode#TEXT} or {@link OpCode#BINARY}
     */
    public OutgoingMessage startMessage(OpCode type) {
        if (!type.isDataStart()) {
            throw new IllegalArgumentException("a message is TEXT or BINARY: " + type);
        }
        requireNoOpenMessage();
        openMessage = new OutgoingMessage(this, type);
        return openMessage;
    }

    /**
     * Queues a frame encoded once for many connections ({@link FrameWriter#encodeShared}), without copying.
     * Server role only, since server frames are unmasked.
     *
     * @throws IllegalArgumentException when the frame carries RSV bits that no negotiated extension owns
     */
    public boolean sendEncoded(EncodedFrame frame) {
        if (role != Role.SERVER) {
            throw new IllegalStateException("only a server sends shared unmasked frames");
        }
        if ((frame.rsv() & ~negotiatedRsv) != 0) {
            throw new IllegalArgumentException("shared frame carries RSV bits 0x" + Integer.toHexString(frame.rsv())
                    + " that no negotiated extension owns");
        }
        if (frame.opCode().isDataStart()) {
            requireNoOpenMessage();
        }
        if (!isOpen()) {
            return false;
        }
        sender.sendEncoded(frame);
        return true;
    }

    /** Sends a ping (at most 125 bytes of payload, RFC 6455 section 5.5.2). */
    public boolean ping(ByteBuffer payload) {
        return sendControl(OpCode.PING, payload);
    }

    /** Sends an unsolicited pong (RFC 6455 section 5.5.3: a unidirectional heartbeat). */
    public boolean pong(ByteBuffer payload) {
        return sendControl(OpCode.PONG, payload);
    }

    /** Starts the close handshake with {@link CloseStatus#NORMAL}. */
    public void close() {
        close(CloseStatus.NORMAL, "");
    }

    /**
     * Starts the close handshake (RFC 6455 section 7.1.2): queues a close frame, then waits for the peer's,
     * at most {@link ProtocolLimits#closingTimeout()}. Does nothing when a close frame was already sent.
     *
     * @throws IllegalArgumentException for a code that may not be sent or a reason over 123 UTF-8 bytes
     */
    public void close(int code, String reason) {
        ByteBuffer payload = Frame.closePayload(code, reason);
        if (closing.canSend()) {
            sendCloseFrame(payload);
        }
    }

    /** Ends the connection without a close handshake: {@link #shouldCloseTransport()} becomes true at once. */
    public void terminate() {
        closing.terminate();
    }

    /**
     * Fails the connection at once, ahead of what is queued (RFC 6455 section 7.1.7): data frames queued but
     * not yet begun on the wire are dropped, the close frame with {@code code} follows the frame in progress,
     * a partial incoming message is dropped and no more input is read; {@link #shouldCloseTransport()} becomes
     * true. For a transport shedding load from a peer that does not read (1013): its backlog goes at once.
     * When our close frame was already queued nothing is dropped (it must still reach the peer).
     *
     * @return the number of queued bytes dropped
     * @throws IllegalArgumentException for a code that may not be sent or a reason over 123 UTF-8 bytes
     */
    public long fail(int code, String reason) {
        ByteBuffer payload = Frame.closePayload(code, reason);
        long dropped = 0;
        if (closing.canSend()) {
            dropped = outbound.discardUnstarted();
            openMessage = null;
            sendCloseFrame(payload);
        }
        closing.fail();
        inbound.release();
        return dropped;
    }

    // ---------------------------------------------------------------- engine internals

    boolean acceptsInput() {
        return closing.acceptsInput();
    }

    /** A complete control frame arrived; returns whether to go on decoding. */
    boolean controlFrameReceived(int opcode, ByteBuffer payload) throws WebSocketProtocolException {
        if (opcode == OpCode.PING.code()) {
            if (isOpen()) {
                sender.sendFrame(Frame.FIN | OpCode.PONG.code(), payload);
            }
            listener.onPing(this, payload);
        } else if (opcode == OpCode.PONG.code()) {
            listener.onPong(this, payload);
        } else {
            closeFrameReceived(payload);
        }
        return acceptsInput();
    }

    private void closeFrameReceived(ByteBuffer payload) throws WebSocketProtocolException {
        int code = CloseStatus.NO_STATUS;
        String reason = "";
        int length = payload.remaining();
        if (length == 1) {
            throw new WebSocketProtocolException(CloseStatus.PROTOCOL_ERROR, "close frame payload of one byte");
        }
        if (length >= 2) {
            code = ((payload.get(payload.position()) & 0xFF) << 8) | (payload.get(payload.position() + 1) & 0xFF);
            if (!CloseStatus.isValidOnWire(code)) {
                throw new WebSocketProtocolException(CloseStatus.PROTOCOL_ERROR, "invalid close code " + code);
            }
            ByteBuffer text = payload.duplicate().position(payload.position() + 2);
            if (!Utf8Validator.isValid(text)) {
                throw new WebSocketProtocolException(CloseStatus.INVALID_PAYLOAD, "close reason is not valid UTF-8");
            }
            reason = StandardCharsets.UTF_8.decode(text).toString();
        }
        boolean echo = closing.canSend();
        closing.closeReceived(code, reason, nanoClock.getAsLong());
        inbound.release();
        if (echo) {
            // Echo the peer's status code (RFC 6455 section 5.5.1); an empty close is answered empty.
            sendCloseFrame(code == CloseStatus.NO_STATUS ? ByteBuffer.allocate(0) : Frame.closePayload(code, ""));
        }
        listener.onCloseReceived(this, code, reason);
    }

    boolean sendFragment(OutgoingMessage message, ByteBuffer data, FragmentPosition position) {
        if (message != openMessage) {
            throw new IllegalStateException("this message is no longer the connection's open message");
        }
        if (position.isLast()) {
            openMessage = null;
        }
        if (!isOpen()) {
            return false;
        }
        sender.sendFragment(message.type(), data, position);
        return true;
    }

    private boolean sendMessage(OpCode type, ByteBuffer data) {
        if (!isOpen()) {
            return false;
        }
        requireNoOpenMessage();
        sender.sendMessage(type, data);
        return true;
    }

    private boolean sendControl(OpCode type, ByteBuffer payload) {
        if (payload.remaining() > Frame.MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException("control frame payload over 125 bytes");
        }
        if (!isOpen()) {
            return false;
        }
        sender.sendFrame(Frame.FIN | type.code(), payload);
        return true;
    }

    private void sendCloseFrame(ByteBuffer payload) {
        sender.sendFrame(Frame.FIN | OpCode.CLOSE.code(), payload);
        closing.closeSent(nanoClock.getAsLong());
    }

    /** Fails the connection (RFC 6455 section 7.1.7): a close frame with {@code code} unless one was sent. */
    private void failConnection(int code) {
        if (closing.canSend()) {
            sendCloseFrame(Frame.closePayload(code, ""));
        }
        closing.fail();
        inbound.release(); // no more input is read: a partial message will never complete
    }

    private void requireNoOpenMessage() {
        if (openMessage != null) {
            throw new IllegalStateException("a fragmented " + openMessage.type() + " message is still open");
        }
    }

    /** Options of a connection; only the listener is required. */
    public static final class Builder {
        private final Role role;
        private WebSocketListener listener;
        private ProtocolLimits limits = ProtocolLimits.DEFAULTS;
        private String subprotocol;
        private List<Extension> extensions = List.of();
        private MessageDelivery delivery = MessageDelivery.WHOLE_MESSAGES;
        private MaskKeyGenerator maskKeys;
        private boolean directBuffers;
        private LongSupplier nanoClock = System::nanoTime;
        private ByteBudget inboundBudget = ByteBudget.UNLIMITED;

        private Builder(Role role) {
            this.role = Objects.requireNonNull(role, "role");
        }

        public Builder listener(WebSocketListener listener) {
            this.listener = listener;
            return this;
        }

        public Builder limits(ProtocolLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Takes the subprotocol and extensions an opening handshake negotiated. */
        public Builder negotiated(Negotiated handshake) {
            this.subprotocol = handshake.subprotocol();
            this.extensions = handshake.extensions();
            return this;
        }

        public Builder subprotocol(String subprotocol) {
            this.subprotocol = subprotocol;
            return this;
        }

        /** Negotiated extensions, in negotiation order; the connection closes them when it ends. */
        public Builder extensions(List<Extension> extensions) {
            this.extensions = List.copyOf(extensions);
            return this;
        }

        /**
         * Where the bytes this connection holds of incoming messages are counted (default
         * {@link ByteBudget#UNLIMITED}): a transport gives all its connections one budget.
         */
        public Builder inboundBudget(ByteBudget budget) {
            this.inboundBudget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        public Builder delivery(MessageDelivery delivery) {
            this.delivery = Objects.requireNonNull(delivery, "delivery");
            return this;
        }

        /** Client role: where masking keys come from (default {@link MaskKeyGenerator#secure()}). */
        public Builder maskKeys(MaskKeyGenerator maskKeys) {
            this.maskKeys = maskKeys;
            return this;
        }

        /** Whether outbound buffers are direct (good for NIO channels) rather than heap buffers. */
        public Builder directBuffers(boolean direct) {
            this.directBuffers = direct;
            return this;
        }

        /** The clock for the closing deadline, in nanoseconds (default {@link System#nanoTime()}). */
        public Builder nanoClock(LongSupplier nanoClock) {
            this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
            return this;
        }

        public WebSocketConnection build() {
            return new WebSocketConnection(this);
        }
    }
}
