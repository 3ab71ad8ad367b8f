package org.campusmirror.ws.deflate.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HuffmanCodeBuilderTest {
    private final HuffmanCodeBuilder builder = new HuffmanCodeBuilder(288);

    /** The example of RFC 1951 section 3.2.2: lengths (3, 3, 3, 3, 3, 2, 4, 4) for A..H. */
    @Test
    void canonicalCodesMatchTheRfcExample() {
        byte[] lengths = {3, 3, 3, 3, 3, 2, 4, 4};
        int[] codes = new int[8];

        builder.buildCodes(lengths, 8, codes);

        int[] rfcCodes = {0b010, 0b011, 0b100, 0b101, 0b110, 0b00, 0b1110, 0b1111};
        for (int symbol = 0; symbol < 8; symbol++) {
            // Codes come bit-reversed, ready to be written least significant bit first.
            assertEquals(rfcCodes[symbol], Integer.reverse(codes[symbol]) >>> (32 - lengths[symbol]), "symbol " + symbol);
        }
    }

    @Test
    void frequentSymbolsGetShorterCodes() {
        int[] frequencies = {1, 50, 3, 0, 20};
        byte[] lengths = new byte[5];

        builder.buildLengths(frequencies, 5, 15, lengths);

        assertArrayEquals(new byte[] {3, 1, 3, 0, 2}, lengths);
    }

    /** Fibonacci frequencies make the deepest possible tree: 29 symbols would need 28-bit codes. */
    @Test
    void lengthsStayWithinTheLimitAndFormACompleteCode() {
        int[] frequencies = new int[29];
        frequencies[0] = 1;
        frequencies[1] = 1;
        for (int i = 2; i < frequencies.length; i++) {
            frequencies[i] = frequencies[i - 1] + frequencies[i - 2];
        }
        byte[] lengths = new byte[29];

        builder.buildLengths(frequencies, 29, 15, lengths);

        assertEquals(15, max(lengths));
        assertEquals(1L << 15, kraftSum(lengths, 15));
    }

    @Test
    void codeLengthCodesStayWithinSevenBits() {
        int[] frequencies = {1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181};
        byte[] lengths = new byte[19];

        builder.buildLengths(frequencies, 19, 7, lengths);

        assertEquals(7, max(lengths));
        assertEquals(1L << 7, kraftSum(lengths, 7));
    }

    @Test
    void randomFrequenciesGiveCompleteCodesWithinTheLimit() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            int[] frequencies = new int[286];
            for (int i = 0; i < frequencies.length; i++) {
                frequencies[i] = random.nextInt(4) == 0 ? 0 : 1 + (int) Math.pow(2, random.nextInt(20));
            }
            byte[] lengths = new byte[286];

            builder.buildLengths(frequencies, 286, 15, lengths);

            assertTrue(max(lengths) <= 15, "round " + round);
            assertEquals(1L << 15, kraftSum(lengths, 15), "round " + round);
            for (int i = 0; i < frequencies.length; i++) {
                assertEquals(frequencies[i] == 0, lengths[i] == 0, "round " + round + " symbol " + i);
            }
        }
    }

    /** A single used symbol still gets a complete two-code tree, which every inflater accepts. */
    @Test
    void oneUsedSymbolIsPairedWithASecondCode() {
        int[] frequencies = new int[30];
        frequencies[7] = 12;
        byte[] lengths = new byte[30];

        builder.buildLengths(frequencies, 30, 15, lengths);

        byte[] expected = new byte[30];
        expected[0] = 1;
        expected[7] = 1;
        assertArrayEquals(expected, lengths);
    }

    @Test
    void noUsedSymbolStillGivesTwoCodes() {
        byte[] lengths = new byte[30];

        builder.buildLengths(new int[30], 30, 15, lengths);

        assertEquals(2, Arrays.stream(toInts(lengths)).filter(length -> length == 1).count());
    }

    private static int max(byte[] lengths) {
        return Arrays.stream(toInts(lengths)).max().orElse(0);
    }

    private static long kraftSum(byte[] lengths, int maxBits) {
        long sum = 0;
        for (byte length : lengths) {
            if (length > 0) {
                sum += 1L << (maxBits - length);
            }
        }
        return sum;
    }

    private static int[] toInts(byte[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
