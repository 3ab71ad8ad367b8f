package org.campusmirror.ws.autobahn;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import java.util.zip.DataFormatException;

/**
 * The fuzzing peer's WebSocket protocol after the open handshake, after autobahn-python's
 * {@code WebSocketProtocol} with the suite's options ({@code failByDrop}, no close code echo,
 * UTF-8 validation of incoming text): it sends what the case script asks for and checks what the
 * endpoint sends (RFC 6455 sections 5 to 7). Its closing facts ({@code closedByMe},
 * {@code wasClean}, ...) are what {@link CaseScript} grades.
 */
final class PeerProtocol implements FrameReader.Listener {

    enum State { OPEN, CLOSING, CLOSED }

    /** The transport under the peer: the in-memory driver or a socket. */
    interface Wire {
        void write(OutboundWrite write);

        /** Closes TCP; {@code abort} discards what is not yet sent (RST), otherwise it is sent first. */
        void drop(boolean abort);

        long nanoTime();
    }

    static final int TEXT = 1;
    static final int BINARY = 2;
    static final int CLOSE = 8;
    static final int PING = 9;
    static final int PONG = 10;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final boolean isServer;
    private final Wire wire;
    private final PeerOptions options;
    private final Random random;
    private final Timers timers;
    private final FrameReader reader = new FrameReader(this);
    private final CaseScript script;
    private final DeflateCodec deflate;

    State state = State.OPEN;
    boolean closedByMe;
    boolean failedByMe;
    boolean droppedByMe;
    boolean wasClean;
    String wasNotCleanReason;
    Integer localCloseCode;
    Integer remoteCloseCode;
    String remoteCloseReason;
    /** The first protocol violation by the endpoint the peer saw, or null. */
    String endpointViolation;
    int autoFragmentSize;
    final long[] txFrames = new long[16];

    private Timers.Handle closeHandshakeTimer;
    private Timers.Handle serverDropTimer;

    // the frame being received
    private int frameOpcode;
    private boolean frameFin;
    private final ByteBuffer control = ByteBuffer.allocate(125);
    // the data message being received
    private boolean insideMessage;
    private boolean messageBinary;
    private boolean messageCompressed;
    private long messageLength;
    private MessageDigest messageDigest = ReceivedEvent.newSha1();
    private final ByteBuffer messagePreview = ByteBuffer.allocate(ReceivedEvent.PREVIEW_BYTES + 1);
    private final Utf8Validator messageUtf8 = new Utf8Validator();

    // the frame being streamed out (beginMessageFrame / sendMessageFrameData)
    private int streamOpcode;
    private int streamFrames;
    private byte[] streamMask;
    private long streamOffset;

    PeerProtocol(boolean isServer, Wire wire, PeerOptions options, Random random, Timers timers,
            CaseScript script, DeflateCodec deflate) {
        this.isServer = isServer;
        this.wire = wire;
        this.options = options;
        this.random = random;
        this.timers = timers;
        this.script = script;
        this.deflate = deflate;
    }

    boolean isServer() {
        return isServer;
    }

    boolean deflateNegotiated() {
        return deflate != null;
    }

    // ---- receiving --------------------------------------------------------------------------

    /** Bytes from the endpoint. */
    void onBytes(ByteBuffer bytes) {
        if (state != State.CLOSED) {
            reader.feed(bytes);
        }
    }

    /** The TCP connection is gone, whoever closed it. Grades the case. */
    void onConnectionLost() {
        state = State.CLOSED;
        if (!wasClean && !droppedByMe && wasNotCleanReason == null) {
            wasNotCleanReason = "peer dropped the TCP connection without previous WebSocket closing handshake";
        }
        reader.stop();
    }

    @Override
    public boolean onHeader(int opcode, boolean fin, int rsv, boolean masked, long length) {
        if (state == State.CLOSED) {
            return false;
        }
        frameOpcode = opcode;
        frameFin = fin;
        if (opcode > 7) {
            if (!fin) {
                return violation("fragmented control frame");
            }
            if (length > 125) {
                return violation("control frame with payload length " + length + " > 125 octets");
            }
            if (opcode != CLOSE && opcode != PING && opcode != PONG) {
                return violation("control frame using reserved opcode " + opcode);
            }
            if (opcode == CLOSE && length == 1) {
                return violation("received close control frame with payload len 1");
            }
            if (rsv != 0) {
                return violation("RSV = " + rsv + " on a control frame");
            }
            control.clear();
        } else {
            if (opcode > 2) {
                return violation("data frame using reserved opcode " + opcode);
            }
            if (!insideMessage && opcode == 0) {
                return violation("received continuation data frame outside fragmented message");
            }
            if (insideMessage && opcode != 0) {
                return violation("received non-continuation data frame while inside fragmented message");
            }
            boolean compressedStart = rsv == 4 && deflate != null && opcode != 0;
            if (rsv != 0 && !compressedStart) {
                return violation("RSV = " + rsv + " and no extension negotiated that defines it");
            }
        }
        if (isServer && !masked) {
            return violation("unmasked client to server frame");
        }
        if (!isServer && masked) {
            return violation("masked server to client frame");
        }
        if (opcode == TEXT || opcode == BINARY) {
            insideMessage = true;
            messageBinary = opcode == BINARY;
            messageCompressed = rsv == 4;
            messageLength = 0;
            messageDigest = ReceivedEvent.newSha1();
            messagePreview.clear();
            messageUtf8.reset();
            if (messageCompressed) {
                deflate.startMessage();
            }
        }
        return true;
    }

    @Override
    public boolean onPayload(ByteBuffer unmasked) {
        if (frameOpcode > 7) {
            control.put(unmasked);
            return true;
        }
        if (messageCompressed) {
            try {
                deflate.inflate(unmasked, this::messageBytes);
            } catch (DataFormatException e) {
                return violation("compressed message does not inflate (" + e.getMessage()
                        + "): wrong deflate data or context taken over against no_context_takeover");
            }
            return state != State.CLOSED;
        }
        messageBytes(unmasked);
        return state != State.CLOSED;
    }

    private void messageBytes(byte[] bytes, int length) {
        messageBytes(ByteBuffer.wrap(bytes, 0, length));
    }

    private void messageBytes(ByteBuffer bytes) {
        if (state == State.CLOSED) {
            return;
        }
        messageLength += bytes.remaining();
        ByteBuffer preview = bytes.duplicate();
        while (preview.hasRemaining() && messagePreview.hasRemaining()) {
            messagePreview.put(preview.get());
        }
        messageDigest.update(bytes.duplicate());
        if (!messageBinary && !messageUtf8.failed() && !messageUtf8.feed(bytes) && endpointViolation == null) {
            // recorded, not failed: an endpoint that echoes invalid text must show up as "message received"
            endpointViolation = "invalid payload: invalid UTF-8 in a text message from the endpoint";
        }
    }

    @Override
    public boolean onFrameEnd() {
        if (frameOpcode > 7) {
            control.flip();
            byte[] payload = new byte[control.remaining()];
            control.get(payload);
            if (frameOpcode == CLOSE) {
                onCloseFrame(payload);
            } else if (frameOpcode == PING) {
                if (state == State.OPEN) {
                    sendFrame(PONG, payload, true, 0, payload.length, 0, false);
                }
            } else {
                script.onPong(ReceivedEvent.pong(payload));
            }
            return state != State.CLOSED;
        }
        if (!frameFin) {
            return true;
        }
        insideMessage = false;
        if (messageCompressed) {
            try {
                deflate.endMessage(this::messageBytes);
            } catch (DataFormatException e) {
                return violation("compressed message does not inflate at its end (" + e.getMessage() + ")");
            }
        }
        if (state == State.CLOSED) {
            return false;
        }
        if (!messageBinary && !messageUtf8.complete() && endpointViolation == null) {
            endpointViolation = "invalid payload: text message from the endpoint is not valid UTF-8";
        }
        messagePreview.flip();
        byte[] preview = new byte[Math.min(messagePreview.remaining(), ReceivedEvent.PREVIEW_BYTES)];
        messagePreview.get(preview);
        String previewText = Hex.encode(preview) + (messageLength > preview.length ? "..." : "");
        script.onMessage(new ReceivedEvent(ReceivedEvent.Kind.MESSAGE, messageBinary, messageLength,
                Hex.encode(messageDigest.digest()), previewText, null));
        return state != State.CLOSED;
    }

    private void onCloseFrame(byte[] payload) {
        Integer code = null;
        byte[] reason = null;
        if (payload.length >= 2) {
            code = (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
            if (payload.length > 2) {
                reason = java.util.Arrays.copyOfRange(payload, 2, payload.length);
            }
        }
        // older autobahn, as the suite ran it: remember the code even when it is invalid
        remoteCloseCode = code;
        remoteCloseReason = reason == null ? null
                : Utf8Validator.isValid(reason) ? new String(reason, StandardCharsets.UTF_8) : "0x" + Hex.encode(reason);
        if (code != null && !validCloseCode(code)) {
            violation("invalid close code " + code);
            return;
        }
        if (reason != null && !Utf8Validator.isValid(reason)) {
            invalidPayload("invalid close reason (non-UTF-8 payload)");
            return;
        }
        if (state == State.CLOSING) {
            if (closeHandshakeTimer != null) {
                closeHandshakeTimer.cancel();
            }
            wasClean = true;
            if (isServer) {
                dropConnection(true);
            } else {
                awaitServerDrop();
            }
        } else if (state == State.OPEN) {
            wasClean = true;
            sendCloseFrame(1000, null, true);
            if (isServer) {
                dropConnection(false);
            } else {
                awaitServerDrop();
            }
        }
    }

    /** RFC 6455 7.4: codes an endpoint may send (autobahn's allowed list plus 3000-4999). */
    static boolean validCloseCode(int code) {
        return code >= 1000 && code <= 1003 || code >= 1007 && code <= 1014 || code >= 3000 && code <= 4999;
    }

    private void awaitServerDrop() {
        serverDropTimer = after(options.serverConnectionDropTimeout().toNanos(), () -> {
            if (state != State.CLOSED) {
                wasClean = false;
                wasNotCleanReason = "server did not drop TCP connection (in time)";
                dropConnection(true);
            }
        });
    }

    private boolean violation(String reason) {
        return failForEndpoint("protocol violation: " + reason);
    }

    private boolean invalidPayload(String reason) {
        return failForEndpoint("invalid payload: " + reason);
    }

    private boolean failForEndpoint(String reason) {
        if (endpointViolation == null) {
            endpointViolation = reason;
        }
        failConnection(reason);
        return false;
    }

    /** autobahn's {@code failConnection} with {@code failByDrop}: drop TCP, unclean. */
    void failConnection(String reason) {
        if (state != State.CLOSED) {
            failedByMe = true;
            wasClean = false;
            wasNotCleanReason = "I failed the WebSocket connection by dropping the TCP connection: " + reason;
            dropConnection(true);
        }
    }

    private void dropConnection(boolean abort) {
        if (state != State.CLOSED) {
            droppedByMe = true;
            state = State.CLOSED;
            reader.stop();
            if (serverDropTimer != null) {
                serverDropTimer.cancel();
            }
            wire.drop(abort);
        }
    }

    // ---- sending (the API case scripts use, after autobahn's names) ---------------------------

    /** autobahn {@code sendFrame}: any frame, sent whatever the state (7.1.x rely on it). */
    void sendFrame(int opcode, byte[] pattern, boolean fin, int rsv, long payloadLength, int chopSize, boolean sync) {
        if (state == State.CLOSED) {
            return;
        }
        if (payloadLength > 0 && pattern.length == 0) {
            throw new IllegalArgumentException("cannot repeat an empty payload to " + payloadLength + " bytes");
        }
        txFrames[opcode & 0x0F]++;
        wire.write(new OutboundWrite(FrameSource.frame(opcode, fin, rsv, newMask(), pattern, payloadLength),
                chopSize, sync));
    }

    void sendFrame(int opcode, byte[] payload) {
        sendFrame(opcode, payload, true, 0, payload.length, 0, false);
    }

    void sendFrame(int opcode, String payload) {
        sendFrame(opcode, payload.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * autobahn {@code sendMessage}: compressed when deflate is negotiated, fragmented by
     * {@code fragmentSize} (0: the auto-fragment size, 0 there: none). A fragment size dividing
     * the payload ends with an empty final frame, as in autobahn.
     */
    void sendMessage(byte[] payload, boolean binary, int fragmentSize) {
        if (state != State.OPEN) {
            return;
        }
        int opcode = binary ? BINARY : TEXT;
        byte[] data = payload;
        int rsv = 0;
        if (deflate != null) {
            data = deflate.compress(payload);
            rsv = 4;
        }
        int size = fragmentSize > 0 ? fragmentSize : autoFragmentSize;
        if (size <= 0 || data.length <= size) {
            sendFrame(opcode, data, true, rsv, data.length, 0, false);
            return;
        }
        boolean first = true;
        boolean done = false;
        for (int from = 0; !done; from += size) {
            int to = from + size;
            if (to > data.length) {
                done = true;
                to = data.length;
            }
            byte[] piece = java.util.Arrays.copyOfRange(data, from, to);
            sendFrame(first ? opcode : 0, piece, done, first ? rsv : 0, piece.length, 0, false);
            first = false;
        }
    }

    /** autobahn {@code beginMessage} + {@code beginMessageFrame(length)}: header only, FIN clear. */
    void beginMessageFrame(boolean binary, long length) {
        if (state != State.OPEN) {
            return;
        }
        streamOpcode = streamFrames == 0 ? (binary ? BINARY : TEXT) : 0;
        streamFrames++;
        streamMask = newMask();
        streamOffset = 0;
        txFrames[streamOpcode]++;
        wire.write(new OutboundWrite(FrameSource.headerOnly(streamOpcode, false, 0, streamMask, length), 0, false));
    }

    /** autobahn {@code sendMessageFrameData}: payload bytes of the frame begun. */
    void sendMessageFrameData(byte[] data) {
        if (state != State.OPEN) {
            return;
        }
        wire.write(new OutboundWrite(FrameSource.dataOnly(data, streamMask, streamOffset), 0, false));
        streamOffset += data.length;
    }

    /** autobahn {@code endMessage}: an empty final continuation frame. */
    void endMessage() {
        streamFrames = 0;
        if (state == State.OPEN) {
            sendFrame(0, new byte[0], true, 0, 0, 0, false);
        }
    }

    /** autobahn {@code sendClose}: a close frame (code null: empty payload) if still open. */
    void sendClose(Integer code) {
        sendCloseFrame(code, null, false);
    }

    /** autobahn {@code sendCloseFrame}: no checks of code or reason, only in the open state. */
    void sendCloseFrame(Integer code, byte[] reason, boolean isReply) {
        if (state != State.OPEN) {
            return;
        }
        int length = (code == null ? 0 : 2) + (reason == null ? 0 : reason.length);
        byte[] payload = new byte[length];
        if (code != null) {
            payload[0] = (byte) (code >>> 8);
            payload[1] = (byte) (int) code;
        }
        if (reason != null) {
            System.arraycopy(reason, 0, payload, code == null ? 0 : 2, reason.length);
        }
        sendFrame(CLOSE, payload);
        state = State.CLOSING;
        closedByMe = !isReply;
        localCloseCode = code;
        if (closedByMe) {
            closeHandshakeTimer = after(options.closeHandshakeTimeout().toNanos(), () -> {
                if (state != State.CLOSED) {
                    wasClean = false;
                    wasNotCleanReason = "peer did not respond (in time) in closing handshake";
                    dropConnection(true);
                }
            });
        }
    }

    /** autobahn {@code killAfter}: fail the connection by dropping TCP unless closed before. */
    void killAfter(double seconds) {
        after(seconds(seconds), () -> failConnection("kill timer of the case"));
    }

    /** autobahn {@code closeAfter}: start a closing handshake (no code) unless closed before. */
    void closeAfter(double seconds) {
        after(seconds(seconds), () -> {
            if (state != State.CLOSED) {
                sendClose(null);
            }
        });
    }

    /** autobahn {@code continueLater}: run unless the connection is closed by then. */
    void continueLater(double seconds, Runnable action) {
        after(seconds(seconds), () -> {
            if (state != State.CLOSED) {
                action.run();
            }
        });
    }

    private static long seconds(double seconds) {
        return (long) (seconds * NANOS_PER_SECOND);
    }

    private Timers.Handle after(long delayNanos, Runnable action) {
        return timers.schedule(wire.nanoTime() + delayNanos, action);
    }

    private byte[] newMask() {
        if (isServer) {
            return null;
        }
        byte[] mask = new byte[4];
        random.nextBytes(mask);
        return mask;
    }

    /** The closing facts for the report. */
    CaseResult.CloseFacts closeFacts() {
        return new CaseResult.CloseFacts(closedByMe, failedByMe, droppedByMe, wasClean, wasNotCleanReason,
                localCloseCode, remoteCloseCode, remoteCloseReason, endpointViolation);
    }
}
