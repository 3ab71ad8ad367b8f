package org.campusmirror.ws.protocol.internal;

import java.nio.ByteBuffer;

import org.campusmirror.ws.protocol.CloseStatus;
import org.campusmirror.ws.protocol.Frame;
import org.campusmirror.ws.protocol.Masking;
import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.protocol.Role;
import org.campusmirror.ws.protocol.WebSocketProtocolException;

/**
 * The streaming frame decoder behind {@code FrameParser} and {@code WebSocketConnection}: it reads frame
 * headers (RFC 6455 section 5.2), checks every frame-level rule as soon as the bytes that break it have
 * arrived, unmasks payload in place and hands it on in chunks as they arrive, so a 16 MiB frame is never
 * buffered here.
 *
 * <p>Rules checked: masking per role (5.1, 5.3), RSV bits only where an extension allows them and only on
 * the first frame of a data message (5.2, RFC 7692 section 6), reserved opcodes (5.2), control frames final
 * and at most 125 bytes (5.5), the most significant bit of a 64-bit length (5.2), the frame size limit (1009).
 * Fragment sequencing is the message layer's concern.
 */
public final class FrameDecoder {

    /** Receives the parts of each frame in order: start, zero or more payload chunks, end. */
    public interface Sink {
        /** A frame header arrived. {@code firstByte} holds FIN, RSV and opcode as on the wire. */
        void frameStart(int firstByte, long payloadLength) throws WebSocketProtocolException;

        /**
         * The next unmasked payload bytes, between {@code chunk}'s position and limit (never empty). The buffer
         * is the caller's input: read it during the call only; the decoder moves past the chunk afterwards.
         */
        void payload(ByteBuffer chunk) throws WebSocketProtocolException;

        /** The frame is complete. Returns false to stop decoding and leave the following bytes unread. */
        boolean frameEnd() throws WebSocketProtocolException;
    }

    private enum State { HEADER, PAYLOAD, FAILED }

    private final boolean expectMasked;
    private final int allowedRsv;
    private final long maxFramePayload;
    private final byte[] header = new byte[14];

    private State state = State.HEADER;
    private int headerFill;
    private long payloadRemaining;
    private long payloadOffset;
    private boolean masked;
    private int maskKey;
    private WebSocketProtocolException failure;

    /**
     * @param role            the role of the endpoint that receives, which decides the masking rule
     * @param allowedRsv      RSV bits negotiated extensions may set on the first frame of a data message
     * @param maxFramePayload larger frames fail with {@link CloseStatus#MESSAGE_TOO_BIG}
     */
    public FrameDecoder(Role role, int allowedRsv, long maxFramePayload) {
        this.expectMasked = role.expectsMaskedIncoming();
        this.allowedRsv = allowedRsv & Frame.RSV_MASK;
        this.maxFramePayload = maxFramePayload;
    }

    /**
     * Decodes as much of {@code in} as there is, or until the sink asks to stop. Masked payload is unmasked
     * in place inside {@code in}; a read-only buffer is copied first. On return {@code in}'s position is after
     * the last byte used. Once this throws, every later call throws the same failure.
     */
    public void decode(ByteBuffer in, Sink sink) throws WebSocketProtocolException {
        if (state == State.FAILED) {
            throw new WebSocketProtocolException(failure.closeCode(), failure.getMessage());
        }
        if (in.isReadOnly() && expectMasked) {
            ByteBuffer copy = ByteBuffer.allocate(in.remaining());
            copy.put(in.duplicate()).flip();
            try {
                decodeWritable(copy, sink);
            } finally {
                in.position(in.limit() - copy.remaining());
            }
            return;
        }
        decodeWritable(in, sink);
    }

    private void decodeWritable(ByteBuffer in, Sink sink) throws WebSocketProtocolException {
        try {
            while (true) {
                if (state == State.HEADER) {
                    if (!readHeader(in)) {
                        return;
                    }
                    sink.frameStart(header[0] & 0xFF, payloadRemaining);
                    if (payloadRemaining == 0) {
                        if (!sink.frameEnd()) {
                            return;
                        }
                        continue;
                    }
                    state = State.PAYLOAD;
                }
                if (!in.hasRemaining()) {
                    return;
                }
                if (!deliverPayload(in, sink)) {
                    return;
                }
            }
        } catch (WebSocketProtocolException e) {
            state = State.FAILED;
            failure = e;
            throw e;
        }
    }

    /** Hands on the payload bytes present; returns false when the sink asked to stop. */
    private boolean deliverPayload(ByteBuffer in, Sink sink) throws WebSocketProtocolException {
        int start = in.position();
        int length = (int) Math.min(payloadRemaining, in.remaining());
        int end = start + length;
        int limit = in.limit();
        in.limit(end);
        if (masked) {
            Masking.unmask(in, maskKey, payloadOffset);
        }
        payloadOffset += length;
        payloadRemaining -= length;
        try {
            sink.payload(in);
        } finally {
            in.limit(limit);
            in.position(end);
        }
        if (payloadRemaining == 0) {
            state = State.HEADER;
            return sink.frameEnd();
        }
        return true;
    }

    /**
     * Reads header bytes; returns true once a whole header is read. Each rule is checked as soon as the
     * bytes it depends on are in.
     */
    private boolean readHeader(ByteBuffer in) throws WebSocketProtocolException {
        if (headerFill == 0 && in.remaining() >= 2) {
            // Fast path: the whole header is usually in the buffer, read it without copying.
            int p = in.position();
            int b0 = in.get(p) & 0xFF;
            int b1 = in.get(p + 1) & 0xFF;
            checkFirstBytes(b0, b1);
            int needed = headerLength(b1);
            if (in.remaining() >= needed) {
                for (int i = 0; i < needed; i++) {
                    header[i] = in.get(p + i);
                }
                in.position(p + needed);
                completeHeader();
                return true;
            }
        }
        while (in.hasRemaining()) {
            header[headerFill++] = in.get();
            if (headerFill == 2) {
                checkFirstBytes(header[0] & 0xFF, header[1] & 0xFF);
            }
            if (headerFill >= 2 && headerFill == headerLength(header[1] & 0xFF)) {
                completeHeader();
                return true;
            }
        }
        return false;
    }

    private static int headerLength(int b1) {
        int len7 = b1 & 0x7F;
        int extended = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        return 2 + extended + ((b1 & 0x80) != 0 ? 4 : 0);
    }

    private void completeHeader() throws WebSocketProtocolException {
        int b1 = header[1] & 0xFF;
        int len7 = b1 & 0x7F;
        int at = 2;
        long length;
        if (len7 == 126) {
            length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
            at = 4;
        } else if (len7 == 127) {
            length = 0;
            for (int i = 2; i < 10; i++) {
                length = (length << 8) | (header[i] & 0xFF);
            }
            if (length < 0) {
                throw protocolError("64-bit payload length with the most significant bit set");
            }
            at = 10;
        } else {
            length = len7;
        }
        if (length > maxFramePayload) {
            throw new WebSocketProtocolException(CloseStatus.MESSAGE_TOO_BIG,
                    "frame payload " + length + " exceeds maxFramePayload " + maxFramePayload);
        }
        masked = (b1 & 0x80) != 0;
        if (masked) {
            maskKey = ((header[at] & 0xFF) << 24) | ((header[at + 1] & 0xFF) << 16)
                    | ((header[at + 2] & 0xFF) << 8) | (header[at + 3] & 0xFF);
        }
        headerFill = 0;
        payloadRemaining = length;
        payloadOffset = 0;
    }

    private void checkFirstBytes(int b0, int b1) throws WebSocketProtocolException {
        OpCode op = OpCode.fromCode(b0 & 0x0F);
        if (op == null) {
            throw protocolError("reserved opcode " + (b0 & 0x0F));
        }
        int rsv = b0 & Frame.RSV_MASK;
        boolean fin = (b0 & Frame.FIN) != 0;
        if (op.isControl()) {
            if (!fin) {
                throw protocolError("fragmented control frame");
            }
            if ((b1 & 0x7F) > Frame.MAX_CONTROL_PAYLOAD) {
                throw protocolError("control frame payload longer than 125 bytes");
            }
            if (rsv != 0) {
                throw protocolError("RSV bits set on a control frame");
            }
        } else if (op == OpCode.CONTINUATION) {
            if (rsv != 0) {
                throw protocolError("RSV bits set on a continuation frame");
            }
        } else if ((rsv & ~allowedRsv) != 0) {
            throw protocolError("RSV bits 0x" + Integer.toHexString(rsv) + " set without a negotiated extension");
        }
        boolean frameMasked = (b1 & 0x80) != 0;
        if (frameMasked != expectMasked) {
            throw protocolError(expectMasked ? "unmasked frame from a client" : "masked frame from a server");
        }
    }

    private static WebSocketProtocolException protocolError(String message) {
        return new WebSocketProtocolException(CloseStatus.PROTOCOL_ERROR, message);
    }
}
