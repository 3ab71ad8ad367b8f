package org.campusmirror.ws.deflate.internal;

import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.compressMessage;
import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.compressMessageInPieces;
import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.inflate;
import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.inflateAlone;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.campusmirror.ws.deflate.internal.WindowedDeflaterConfig.ContextTakeover;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the compressor writes, java.util.zip.Inflater (raw, 32 KiB window) restores exactly. */
@Timeout(60)
class WindowedDeflaterRoundTripTest {

    enum Kind {
        EMPTY((size, seed) -> new byte[0]),
        ONE_BYTE((size, seed) -> new byte[] {42}),
        TEXT(Payloads::text),
        JSON(Payloads::json),
        BINARY_RUNS(Payloads::binaryRuns),
        RANDOM(Payloads::random);

        final BiFunction<Integer, Long, byte[]> generator;

        Kind(BiFunction<Integer, Long, byte[]> generator) {
            this.generator = generator;
        }
    }

    static Stream<Arguments> windowsKindsAndSizes() {
        List<Arguments> cases = new ArrayList<>();
        for (int bits = 8; bits <= 15; bits++) {
            for (Kind kind : Kind.values()) {
                // Below the window, above it, and above 64 KiB (longer than a stored block can be).
                for (int size : new int[] {100, (1 << bits) * 3 + 17, 70_000 + bits}) {
                    cases.add(Arguments.of(bits, kind, size));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "windowBits {0} {1} {2} bytes")
    @MethodSource("windowsKindsAndSizes")
    void inflaterRestoresOneMessage(int windowBits, Kind kind, int size) throws DataFormatException {
        byte[] message = kind.generator.apply(size, (long) size * 31 + windowBits);
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(windowBits, ContextTakeover.KEEP));

        byte[] stream = compressMessage(deflater, message);

        assertArrayEquals(message, inflateAlone(stream, message.length));
    }

    @ParameterizedTest(name = "windowBits {0}")
    @MethodSource("windowBits")
    void inflaterRestoresAMessageWrittenInSmallPieces(int windowBits) throws DataFormatException {
        byte[] message = Payloads.json(50_000, windowBits);
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(windowBits, ContextTakeover.KEEP));

        byte[] stream = compressMessageInPieces(deflater, message, 97);

        assertArrayEquals(message, inflateAlone(stream, message.length));
    }

    @ParameterizedTest(name = "windowBits {0}")
    @MethodSource("windowBits")
    void oneInflaterRestoresManyMessagesWithContextTakeover(int windowBits) throws DataFormatException {
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(windowBits, ContextTakeover.KEEP));
        Inflater inflater = new Inflater(true);
        try {
            for (int i = 0; i < 60; i++) {
                byte[] message = mixedMessage(i);
                byte[] stream = compressMessage(deflater, message);
                assertArrayEquals(message, inflate(inflater, stream, message.length), "message " + i);
            }
        } finally {
            inflater.end();
        }
    }

    @ParameterizedTest(name = "windowBits {0}")
    @MethodSource("windowBits")
    void freshInflaterPerMessageRestoresEachMessageWithoutContextTakeover(int windowBits)
            throws DataFormatException {
        WindowedDeflater deflater = new WindowedDeflater(
                WindowedDeflaterConfig.of(windowBits, ContextTakeover.RESET_PER_MESSAGE));
        for (int i = 0; i < 60; i++) {
            byte[] message = mixedMessage(i);
            byte[] stream = compressMessage(deflater, message);
            assertArrayEquals(message, inflateAlone(stream, message.length), "message " + i);
        }
    }

    @Test
    void textShrinksToLessThanHalf() throws DataFormatException {
        byte[] message = Payloads.text(100_000, 7);
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(9, ContextTakeover.KEEP));

        byte[] stream = compressMessage(deflater, message);

        assertTrue(stream.length < message.length / 2, "compressed to " + stream.length);
    }

    @Test
    void randomDataGrowsByLessThanOnePercent() {
        byte[] message = Payloads.random(200_000, 3);
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(12, ContextTakeover.KEEP));

        byte[] stream = compressMessage(deflater, message);

        assertTrue(stream.length < message.length * 1.01, "compressed to " + stream.length);
    }

    static Stream<Integer> windowBits() {
        return Stream.of(8, 9, 10, 11, 12, 13, 14, 15);
    }

    /** Messages of varied kinds and sizes, some repeating earlier ones, as a chat or a mirror feed sends. */
    static byte[] mixedMessage(int index) {
        int size = (index * 7919) % 3000;
        switch (index % 5) {
            case 0:
                return Payloads.json(size, index / 10);
            case 1:
                return Payloads.text(size, index);
            case 2:
                return Payloads.binaryRuns(size, index);
            case 3:
                return Payloads.random(size % 300, index);
            default:
                return new byte[index % 2];
        }
    }
}
