package org.campusmirror.ws.deflate.internal;

import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.compressMessageInPieces;
import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.endsWithSyncFlushTail;
import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.inflate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.campusmirror.ws.deflate.internal.DeflateStreamChecker.MessageReport;
import org.campusmirror.ws.deflate.internal.WindowedDeflaterConfig.ContextTakeover;

/** For any messages, window, context mode and piece size: exact round trip, window respected, tail present. */
class WindowedDeflaterPropertiesTest {

    @Property(tries = 300)
    void everyMessageRoundTripsWithinTheWindow(
            @ForAll @IntRange(min = 8, max = 15) int windowBits,
            @ForAll ContextTakeover contextTakeover,
            @ForAll @IntRange(min = 1, max = 5000) int pieceSize,
            @ForAll("messages") @Size(max = 8) List<byte[]> messages) throws DataFormatException {
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(windowBits, contextTakeover)
                .withBlockSymbols(256));
        DeflateStreamChecker checker = new DeflateStreamChecker();
        Inflater inflater = new Inflater(true);
        try {
            for (byte[] message : messages) {
                if (contextTakeover == ContextTakeover.RESET_PER_MESSAGE) {
                    checker.forgetHistory();
                    inflater.reset();
                }
                byte[] stream = compressMessageInPieces(deflater, message, pieceSize);

                MessageReport report = checker.decodeMessage(stream);
                assertArrayEquals(message, report.data());
                assertTrue(report.maxDistance() <= 1 << windowBits, "distance " + report.maxDistance());
                assertTrue(endsWithSyncFlushTail(stream));
                assertArrayEquals(message, inflate(inflater, stream, message.length));
            }
        } finally {
            inflater.end();
        }
    }

    /** Small alphabets repeat a lot (matches of every length and distance); full bytes mostly do not. */
    @Provide
    Arbitrary<List<byte[]>> messages() {
        Arbitrary<byte[]> repetitive = Arbitraries.bytes().between((byte) 'a', (byte) 'd')
                .array(byte[].class).ofMaxSize(40_000);
        Arbitrary<byte[]> anyBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(3_000);
        Arbitrary<byte[]> runs = Arbitraries.integers().between(0, 70_000)
                .flatMap(size -> Arbitraries.longs().map(seed -> Payloads.binaryRuns(size, seed)));
        return Arbitraries.oneOf(repetitive, anyBytes, runs).list();
    }
}
