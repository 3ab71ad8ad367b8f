package org.campusmirror.ws.deflate.internal;

import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.compressMessage;
import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.compressMessageInPieces;
import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.endsWithSyncFlushTail;
import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.repeated;
import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.zipDeflate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.campusmirror.ws.deflate.internal.DeflateStreamChecker.MessageReport;
import org.campusmirror.ws.deflate.internal.WindowedDeflaterConfig.ContextTakeover;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The point of the compressor: no back-reference farther than 2^windowBits (RFC 7692 section 7.1.2),
 * checked by decoding the stream with an independent decoder that records every distance.
 */
@Timeout(60)
class WindowedDeflaterWindowLimitTest {

    static IntStream windowBits() {
        return IntStream.rangeClosed(8, 15);
    }

    @ParameterizedTest(name = "windowBits {0}")
    @MethodSource("windowBits")
    void noDistanceExceedsTheWindowInMixedMessagesWithContextTakeover(int windowBits) {
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(windowBits, ContextTakeover.KEEP));
        DeflateStreamChecker checker = new DeflateStreamChecker();
        for (int i = 0; i < 40; i++) {
            byte[] message = i % 3 == 0 ? Payloads.json(20_000 + i, i) : WindowedDeflaterRoundTripTest.mixedMessage(i);
            MessageReport report = checker.decodeMessage(compressMessage(deflater, message));
            assertArrayEquals(message, report.data(), "message " + i);
        }
        assertTrue(checker.maxDistanceOverall() <= 1 << windowBits,
                "max distance " + checker.maxDistanceOverall() + " > window " + (1 << windowBits));
    }

    /**
     * Random data repeated with a period of twice the window: a 32 KiB-window compressor would copy the
     * repeat; ours must not reach that far, so it can only store literals.
     */
    @ParameterizedTest(name = "windowBits {0}")
    @MethodSource("windowBits")
    void repeatJustBeyondTheWindowIsNotReferenced(int windowBits) {
        int window = 1 << windowBits;
        byte[] message = repeated(Payloads.random(window + 1, windowBits), 2);
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(windowBits, ContextTakeover.KEEP));

        MessageReport report = new DeflateStreamChecker().decodeMessage(compressMessage(deflater, message));

        assertArrayEquals(message, report.data());
        assertTrue(report.maxDistance() <= window, "max distance " + report.maxDistance());
    }

    /** Random data repeated with a period of exactly the window: the whole window is usable, not less. */
    @ParameterizedTest(name = "windowBits {0}")
    @MethodSource("windowBits")
    void repeatAtExactlyTheWindowDistanceIsReferenced(int windowBits) {
        int window = 1 << windowBits;
        byte[] message = repeated(Payloads.random(window, windowBits), 3);
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(windowBits, ContextTakeover.KEEP));

        byte[] stream = compressMessage(deflater, message);
        MessageReport report = new DeflateStreamChecker().decodeMessage(stream);

        assertArrayEquals(message, report.data());
        assertEquals(window, report.maxDistance());
        assertTrue(stream.length < window * 1.2, "two repeats cost " + stream.length + " bytes");
    }

    /** The check above can fail: java.util.zip.Deflater, whose window is 32 KiB, does reach that far. */
    @Test
    void checkerSeesTheFarReferencesOfJavaUtilZipDeflater() {
        byte[] message = repeated(Payloads.random(1025, 10), 2);
        byte[] stream = zipDeflate(message);

        MessageReport report = new DeflateStreamChecker().decodeMessage(stream);

        assertArrayEquals(message, report.data());
        assertEquals(1025, report.maxDistance());
    }

    @ParameterizedTest(name = "windowBits {0}")
    @MethodSource("windowBits")
    void noDistanceExceedsTheWindowWhenWrittenInOddPieces(int windowBits) {
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(windowBits, ContextTakeover.KEEP));
        DeflateStreamChecker checker = new DeflateStreamChecker();
        byte[] message = Payloads.text(150_000, windowBits);

        MessageReport report = checker.decodeMessage(compressMessageInPieces(deflater, message, 1 + 3 * windowBits));

        assertArrayEquals(message, report.data());
        assertTrue(report.maxDistance() <= 1 << windowBits, "max distance " + report.maxDistance());
    }

    @ParameterizedTest(name = "windowBits {0}")
    @MethodSource("windowBits")
    void everyMessageEndsWithAnEmptyStoredBlock(int windowBits) {
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(windowBits, ContextTakeover.KEEP));
        DeflateStreamChecker checker = new DeflateStreamChecker();
        for (int i = 0; i < 20; i++) {
            byte[] stream = compressMessage(deflater, WindowedDeflaterRoundTripTest.mixedMessage(i));

            assertTrue(endsWithSyncFlushTail(stream), "message " + i + " ends without 00 00 ff ff");
            assertTrue(checker.decodeMessage(stream).endsWithEmptyStoredBlock(), "message " + i);
        }
    }

    @Test
    void emptyMessageIsTheEmptyStoredBlockAlone() {
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(9, ContextTakeover.KEEP));

        byte[] stream = compressMessage(deflater, new byte[0]);

        // RFC 7692 section 7.2.3.6: after the tail is stripped, one 0x00 byte is left.
        assertArrayEquals(new byte[] {0x00, 0x00, 0x00, (byte) 0xff, (byte) 0xff}, stream);
    }

    @Test
    void withContextTakeoverARepeatedMessageRefersIntoThePreviousOne() {
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(9, ContextTakeover.KEEP));
        DeflateStreamChecker checker = new DeflateStreamChecker();
        byte[] message = Payloads.random(300, 1);

        byte[] first = compressMessage(deflater, message);
        byte[] second = compressMessage(deflater, message);
        checker.decodeMessage(first);
        MessageReport report = checker.decodeMessage(second);

        assertArrayEquals(message, report.data());
        assertTrue(report.referencesEarlierMessage());
        assertTrue(second.length < 20, "repeat cost " + second.length + " bytes");
    }

    @Test
    void withoutContextTakeoverARepeatedMessageIsCompressedOnItsOwn() {
        WindowedDeflater deflater = new WindowedDeflater(
                WindowedDeflaterConfig.of(9, ContextTakeover.RESET_PER_MESSAGE));
        byte[] message = Payloads.random(300, 1);

        byte[] first = compressMessage(deflater, message);
        byte[] second = compressMessage(deflater, message);
        // A decoder that kept no history must decode the second message by itself.
        MessageReport report = new DeflateStreamChecker().decodeMessage(second);

        assertArrayEquals(message, report.data());
        assertFalse(report.referencesEarlierMessage());
        assertArrayEquals(first, second);
    }

    @Test
    void dataBeyondTheWindowInAnEarlierMessageIsNotReferenced() {
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(8, ContextTakeover.KEEP));
        DeflateStreamChecker checker = new DeflateStreamChecker();
        byte[] message = Payloads.random(200, 2);
        byte[] filler = Payloads.random(100, 3);

        checker.decodeMessage(compressMessage(deflater, message));
        checker.decodeMessage(compressMessage(deflater, filler));
        MessageReport report = checker.decodeMessage(compressMessage(deflater, message));

        assertArrayEquals(message, report.data());
        assertTrue(report.maxDistance() <= 256, "max distance " + report.maxDistance());
    }

    @Test
    void compressibleDataUsesDynamicHuffmanBlocks() {
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(10, ContextTakeover.KEEP));

        MessageReport report = new DeflateStreamChecker().decodeMessage(
                compressMessage(deflater, Payloads.json(40_000, 5)));

        assertTrue(report.dynamicBlocks() > 0, "no dynamic block");
    }

    @Test
    void incompressibleDataIsStored() {
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(10, ContextTakeover.KEEP));

        MessageReport report = new DeflateStreamChecker().decodeMessage(
                compressMessage(deflater, Payloads.random(40_000, 5)));

        assertEquals(0, report.dynamicBlocks() + report.fixedBlocks());
        assertTrue(report.storedBlocks() >= 2, "stored blocks " + report.storedBlocks());
    }

    @Test
    void shortTextUsesTheFixedCode() {
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(10, ContextTakeover.KEEP));

        MessageReport report = new DeflateStreamChecker().decodeMessage(
                compressMessage(deflater, "Hello, Hello, Hello!".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));

        assertEquals(1, report.fixedBlocks());
        assertEquals(0, report.dynamicBlocks());
    }
}
