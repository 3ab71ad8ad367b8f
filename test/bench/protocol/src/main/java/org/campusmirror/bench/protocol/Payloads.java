package org.campusmirror.bench.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The benchmark inputs, built the same way as in node/kernels.mjs so both sides measure the same bytes:
 * 1 MiB of ASCII, and 1 MiB of mixed text (Latin with umlauts, Cyrillic, Greek, CJK, emoji) padded with ASCII.
 */
final class Payloads {
    static final int SIZE = 1 << 20;
    static final String MIXED_UNIT =
            "Grüße aus Magdeburg! Привет, κόσμε, 日本語のテキスト, emoji 🎉🚀 and some plain ASCII words. ";

    private Payloads() {
    }

    static byte[] ascii() {
        byte[] bytes = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            bytes[i] = (byte) (' ' + (i * 7) % 95);
        }
        return bytes;
    }

    static byte[] mixed() {
        byte[] unit = MIXED_UNIT.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[SIZE];
        int at = 0;
        while (at + unit.length <= SIZE) {
            System.arraycopy(unit, 0, bytes, at, unit.length);
            at += unit.length;
        }
        Arrays.fill(bytes, at, SIZE, (byte) 'x');
        return bytes;
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }
}
