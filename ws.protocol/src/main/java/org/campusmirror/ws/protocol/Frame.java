package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One frame of <a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.2">RFC 6455 section 5.2</a>: FIN
 * bit, RSV bits, opcode and the (unmasked) payload. Masking is a property of the encoding, not of the
 * frame: {@link FrameWriter} masks when its role requires it and {@link FrameParser} unmasks.
 *
 * <p>The payload is the bytes between the buffer's position and limit. A frame does not copy the buffer
 * it is given: do not change those bytes while the frame is in use. Two frames are equal when FIN, RSV,
 * opcode and payload bytes are equal.
 */
public final class Frame {
    /** The FIN bit in the first header byte. */
    public static final int FIN = 0x80;
    /** RSV1, used by permessage-deflate (RFC 7692 section 6). Bit values are those of the first header byte. */
    public static final int RSV1 = 0x40;
    public static final int RSV2 = 0x20;
    public static final int RSV3 = 0x10;
    /** All three RSV bits. */
    public static final int RSV_MASK = RSV1 | RSV2 | RSV3;
    /** Control frames carry at most 125 payload bytes (RFC 6455 section 5.5). */
    public static final int MAX_CONTROL_PAYLOAD = 125;

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final boolean fin;
    private final int rsv;
    private final OpCode opCode;
    private final ByteBuffer payload;

    private Frame(boolean fin, int rsv, OpCode opCode, ByteBuffer payload) {
        Objects.requireNonNull(opCode, "opCode");
        Objects.requireNonNull(payload, "payload");
        if ((rsv & ~RSV_MASK) != 0) {
            throw new IllegalArgumentException("rsv holds bits other than RSV1-3: 0x" + Integer.toHexString(rsv));
        }
        if (opCode.isControl() && (!fin || payload.remaining() > MAX_CONTROL_PAYLOAD)) {
            throw new IllegalArgumentException("control frames are final and carry at most 125 bytes");
        }
        this.fin = fin;
        this.rsv = rsv;
        this.opCode = opCode;
        this.payload = payload;
    }

    /** A final frame (FIN set, RSV clear). */
    public static Frame of(OpCode opCode, ByteBuffer payload) {
        return new Frame(true, 0, opCode, payload);
    }

    /** A non-final data frame (FIN clear): the first or a middle fragment of a message. */
    public static Frame fragment(OpCode opCode, ByteBuffer payload) {
        return new Frame(false, 0, opCode, payload);
    }

    /** A final text frame holding {@code text} as UTF-8. */
    public static Frame text(String text) {
        return of(OpCode.TEXT, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A close frame with a status code and a reason (RFC 6455 section 5.5.1). */
    public static Frame close(int code, String reason) {
        return of(OpCode.CLOSE, closePayload(code, reason));
    }

    /** A close frame without a payload (the peer will report {@link CloseStatus#NO_STATUS}). */
    public static Frame emptyClose() {
        return of(OpCode.CLOSE, EMPTY);
    }

    /** This frame with the given RSV bits ({@link #RSV1}, {@link #RSV2}, {@link #RSV3}). */
    public Frame withRsv(int rsvBits) {
        return new Frame(fin, rsvBits, opCode, payload);
    }

    public boolean isFinal() {
        return fin;
    }

    /** The RSV bits, as they sit in the first header byte. */
    public int rsv() {
        return rsv;
    }

    public OpCode opCode() {
        return opCode;
    }

    /** The payload, between position and limit. Read it through {@code duplicate()} to keep the frame intact. */
    public ByteBuffer payload() {
        return payload;
    }

    public int payloadLength() {
        return payload.remaining();
    }

    /** Encodes a close payload: the code in network byte order, then the reason as UTF-8 (at most 123 bytes). */
    public static ByteBuffer closePayload(int code, String reason) {
        if (!CloseStatus.isValidOnWire(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent (RFC 6455 section 7.4)");
        }
        byte[] text = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        if (text.length > MAX_CONTROL_PAYLOAD - 2) {
            throw new IllegalArgumentException("close reason longer than 123 UTF-8 bytes");
        }
        ByteBuffer out = ByteBuffer.allocate(2 + text.length);
        out.putShort((short) code).put(text).flip();
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Frame that
                && fin == that.fin && rsv == that.rsv && opCode == that.opCode && payload.equals(that.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fin, rsv, opCode, payload);
    }

    @Override
    public String toString() {
        return "Frame[" + opCode + (fin ? " fin" : "") + (rsv != 0 ? " rsv=0x" + Integer.toHexString(rsv) : "")
                + " " + payload.remaining() + " bytes]";
    }
}
