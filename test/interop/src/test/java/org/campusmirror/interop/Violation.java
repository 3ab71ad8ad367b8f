package org.campusmirror.interop;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * A protocol violation (RFC 6455) and the close code the receiving endpoint must answer it with
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1">section 7.4.1</a>): 1002 for a broken frame,
 * 1007 for text that is not UTF-8. {@code frame} makes the raw frame for a sender that masks or not.
 */
record Violation(String name, int expectedCode, FrameMaker frame) {
    /** Makes the frame as a client (masked) or a server (unmasked) sends it. */
    interface FrameMaker {
        String make(boolean masked);
    }

    @Override
    public String toString() {
        return name;
    }

    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);

    /** Violations any receiver must catch, whichever role sends them. */
    static Stream<Violation> common() {
        return Stream.of(
                new Violation("close code 1005 on the wire", 1002,
                        m -> RawFrames.frame(RawFrames.FIN | RawFrames.CLOSE, RawFrames.closeCode(1005), m)),
                new Violation("close code 999", 1002,
                        m -> RawFrames.frame(RawFrames.FIN | RawFrames.CLOSE, RawFrames.closeCode(999), m)),
                new Violation("close payload of one byte", 1002,
                        m -> RawFrames.frame(RawFrames.FIN | RawFrames.CLOSE, new byte[] {3}, m)),
                new Violation("close reason not UTF-8", 1007,
                        m -> RawFrames.frame(RawFrames.FIN | RawFrames.CLOSE, RawFrames.closePayload(1000, (byte) 0xff), m)),
                new Violation("ping of 126 bytes", 1002,
                        m -> RawFrames.frame(RawFrames.FIN | RawFrames.PING, new byte[126], m)),
                new Violation("fragmented ping", 1002, m -> RawFrames.frame(RawFrames.PING, HELLO, m)),
                new Violation("reserved opcode 3", 1002, m -> RawFrames.frame(RawFrames.FIN | 0x3, HELLO, m)),
                new Violation("reserved control opcode 0xB", 1002, m -> RawFrames.frame(RawFrames.FIN | 0xB, HELLO, m)),
                new Violation("RSV1 without an extension", 1002,
                        m -> RawFrames.frame(RawFrames.FIN | RawFrames.RSV1 | RawFrames.TEXT, HELLO, m)),
                new Violation("continuation with nothing to continue", 1002,
                        m -> RawFrames.frame(RawFrames.FIN | RawFrames.CONTINUATION, HELLO, m)),
                new Violation("new message inside a fragmented one", 1002,
                        m -> RawFrames.frame(RawFrames.TEXT, HELLO, m) + RawFrames.frame(RawFrames.FIN | RawFrames.BINARY, HELLO, m)),
                new Violation("text not UTF-8", 1007,
                        m -> RawFrames.frame(RawFrames.FIN | RawFrames.TEXT, new byte[] {'o', 'k', (byte) 0xc3, 0x28}, m)),
                new Violation("text split inside a UTF-8 sequence, then cut short", 1007,
                        m -> RawFrames.frame(RawFrames.TEXT, new byte[] {'a', (byte) 0xe2, (byte) 0x82}, m)
                                + RawFrames.frame(RawFrames.FIN | RawFrames.CONTINUATION, new byte[] {'b'}, m)));
    }
}
