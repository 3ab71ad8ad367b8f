package org.campusmirror.ws.deflate;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Hex fixtures: "c1 07 f2 48" in, the same normalized form out. */
final class Hex {
    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ");

    private Hex() {
    }

    static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", "").replace("0x", ""));
    }

    static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(bytes(hex));
    }

    static String of(byte[] bytes) {
        return SPACED.formatHex(bytes);
    }

    static String of(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return of(bytes);
    }
}
