package org.campusmirror.ws.deflate.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.campusmirror.ws.deflate.internal.WindowedDeflaterConfig.ContextTakeover;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The hash-table cap that permessage-deflate's memLevel maps to (zlib: hash bits = memLevel + 7). */
class WindowedDeflaterHashBitsTest {

    @Test
    void defaultKeepsTwoBitsMoreThanTheWindowUpToFifteen() {
        assertEquals(11, WindowedDeflaterConfig.of(9, ContextTakeover.KEEP).hashBits());
        assertEquals(15, WindowedDeflaterConfig.of(14, ContextTakeover.KEEP).hashBits());
    }

    @Test
    void capLimitsTheHashBits() {
        assertEquals(8, WindowedDeflaterConfig.of(12, ContextTakeover.KEEP).withMaxHashBits(8).hashBits());
        assertEquals(16, WindowedDeflaterConfig.of(14, ContextTakeover.KEEP).withMaxHashBits(16).hashBits());
    }

    @ParameterizedTest(name = "maxHashBits {0}")
    @ValueSource(ints = {7, 17})
    void capOutsideEightToSixteenIsRefused(int bits) {
        assertThrows(IllegalArgumentException.class,
                () -> WindowedDeflaterConfig.of(12, ContextTakeover.KEEP).withMaxHashBits(bits));
    }

    @ParameterizedTest(name = "maxHashBits {0}")
    @ValueSource(ints = {8, 12, 16})
    void smallAndLargeTablesStillRoundTripWithinTheWindow(int bits) {
        byte[] message = Payloads.json(100_000, bits);
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(12, ContextTakeover.KEEP)
                .withMaxHashBits(bits));
        byte[] stream = WindowedDeflaterTesting.compressMessage(deflater, message);
        DeflateStreamChecker checker = new DeflateStreamChecker();
        DeflateStreamChecker.MessageReport report = checker.decodeMessage(stream);
        assertArrayEquals(message, report.data());
        assertTrue(report.maxDistance() <= 1 << 12, "distance " + report.maxDistance());
        assertTrue(stream.length < message.length / 3, "compressed to " + stream.length);
    }
}
