package org.campusmirror.ws.autobahn;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Hex rendering for reports and payload literals in the case tables. */
final class Hex {
    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {
    }

    static byte[] decode(String hex) {
        return FORMAT.parseHex(hex);
    }

    static String encode(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    /** Hex of at most {@code max} bytes of {@code bytes}, with the total length when cut. */
    static String head(byte[] bytes, int max) {
        if (bytes.length <= max) {
            return FORMAT.formatHex(bytes);
        }
        return FORMAT.formatHex(bytes, 0, max) + "... (" + bytes.length + " bytes)";
    }

    static String head(ByteBuffer buffer, int max) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[Math.min(max, view.remaining())];
        view.get(bytes);
        return FORMAT.formatHex(bytes) + (buffer.remaining() > max ? "... (" + buffer.remaining() + " bytes)" : "");
    }
}
