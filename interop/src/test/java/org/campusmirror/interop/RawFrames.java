package org.campusmirror.interop;

import java.io.ByteArrayOutputStream;

/**
 * Hand-made frames (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.2">RFC 6455 section 5.2</a>) that
 * a well-behaved library refuses to send, written raw by the peers to see how we answer a protocol violation.
 * Payloads here stay under 126 bytes.
 */
final class RawFrames {
    static final int TEXT = 0x1;
    static final int CLOSE = 0x8;
    private static final byte[] MASK = {0x37, (byte) 0xfa, 0x21, 0x3d};

    private RawFrames() {
    }

    /** A final frame from a client: masked, as RFC 6455 section 5.3 requires. */
    static String fromClient(int opcode, byte[] payload) {
        return frame(opcode, payload, true);
    }

    /** A final frame from a server: unmasked. */
    static String fromServer(int opcode, byte[] payload) {
        return frame(opcode, payload, false);
    }

    /** A close frame's payload: the code in two bytes, no reason. */
    static byte[] closeCode(int code) {
        return new byte[] {(byte) (code >> 8), (byte) code};
    }

    private static String frame(int opcode, byte[] payload, boolean masked) {
        if (payload.length > 125) {
            throw new IllegalArgumentException("only short frames here: " + payload.length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x80 | opcode);
        out.write((masked ? 0x80 : 0) | payload.length);
        if (masked) {
            out.writeBytes(MASK);
        }
        for (int i = 0; i < payload.length; i++) {
            out.write(masked ? payload[i] ^ MASK[i % 4] : payload[i]);
        }
        return Payloads.hex(out.toByteArray());
    }
}
