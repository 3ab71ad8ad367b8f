package org.campusmirror.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

/**
 * What the bytes on the wire say about one sender's compression (RFC 7692), for the five messages both deflate
 * tests send: a {@link #REPEAT}-byte text twice, {@link #BLOCKS} bytes of {@link Payloads#blocks} text,
 * {@link #LARGE} bytes of repeated text as binary, and incompressible bytes.
 */
final class CompressedSizes {
    static final int REPEAT = 2048;
    static final int BLOCKS = 64 << 10;
    static final int LARGE = 1 << 20;

    private CompressedSizes() {
    }

    /**
     * Checks the sizes {@code wire} (bytes each message took on the wire) against what {@code side} ("server" or
     * "client") agreed in {@code agreed} (null: no extension): compression at all, context takeover, window.
     */
    static void assertAsAgreed(Set<String> agreed, String side, long[] wire) {
        if (agreed == null) {
            assertTrue(wire[3] > LARGE, "no compression without the extension: " + wire[3]);
            return;
        }
        assertTrue(wire[3] < LARGE / 16, "1 MiB of repeated text compressed by the " + side + ": " + wire[3] + " bytes");
        if (DeflateParameters.noContextTakeover(agreed, side)) {
            assertEquals(wire[0], wire[1], side + "_no_context_takeover: the same message costs the same again");
        } else {
            assertTrue(wire[1] < wire[0] / 2, "context kept: the repeat refers back (" + wire[0] + ", " + wire[1] + ")");
        }
        int window = DeflateParameters.windowBits(agreed, side);
        if (window >= 12) {
            assertTrue(wire[2] < BLOCKS / 4, window + "-bit window finds the repeats 3000 bytes back: " + wire[2]);
        } else {
            assertTrue(wire[2] > BLOCKS / 2, window + "-bit window must not reach 3000 bytes back: " + wire[2]);
        }
    }
}
