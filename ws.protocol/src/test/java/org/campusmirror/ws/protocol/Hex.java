package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Hex fixtures for byte-level tests: spaces are ignored, so frames can be written field by field. */
final class Hex {
    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return FORMAT.parseHex(hex.replace(" ", ""));
    }

    static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(bytes(hex));
    }

    /** The bytes between position and limit, as lower-case hex without separators; the buffer is untouched. */
    static String of(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return FORMAT.formatHex(out);
    }

    static String of(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    /** Normalizes a fixture (drops spaces) for comparison with {@link #of}. */
    static String norm(String hex) {
        return hex.replace(" ", "").toLowerCase();
    }
}
