package org.campusmirror.interop;

import java.io.ByteArrayOutputStream;

/**
 * Hand-made frames (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.2">RFC 6455 section 5.2</a>) that
 * a well-behaved library refuses to send, written raw by the peers to see how we answer a protocol violation.
 * Payloads up to 65,535 bytes.
 */
final class RawFrames {
    static final int FIN = 0x80;
    static final int RSV1 = 0x40;
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    private static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

    private RawFrames() {
    }

    /** A final frame from a client: masked, as RFC 6455 section 5.3 requires. */
    static String fromClient(int opcode, byte[] payload) {
        return frame(FIN | opcode, payload, true);
    }

    /** A final frame from a server: unmasked. */
    static String fromServer(int opcode, byte[] payload) {
        return frame(FIN | opcode, payload, false);
    }

    /** A frame whose first byte (FIN, RSV1-3, opcode) is given as it is; masked when {@code masked}. */
    static String frame(int firstByte, byte[] payload, boolean masked) {
        if (payload.length > 0xffff) {
            throw new IllegalArgumentException("up to 65,535 bytes here: " + payload.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length <= 125) {
            out.write(maskBit | payload.length);
        } else {
            out.write(maskBit | 126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xff);
        }
        if (masked) {
            out.writeBytes(MASK);
        }
        for (int i = 0; i < payload.length; i++) {
            out.write(masked ? payload[i] ^ MASK[i % 4] : payload[i]);
        }
        return Payloads.hex(out.toByteArray());
    }

    /** A close frame's payload: the code in two bytes, then the reason's bytes. */
    static byte[] closePayload(int code, byte... reason) {
        byte[] payload = new byte[2 + reason.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(reason, 0, payload, 2, reason.length);
        return payload;
    }

    static byte[] closeCode(int code) {
        return closePayload(code);
    }
}
