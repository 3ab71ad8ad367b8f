package org.campusmirror.ws.deflate.internal;

import java.util.Arrays;

import static org.campusmirror.ws.deflate.internal.DeflateSymbols.CODE_LENGTH_CODES;
import static org.campusmirror.ws.deflate.internal.DeflateSymbols.CODE_LENGTH_ORDER;
import static org.campusmirror.ws.deflate.internal.DeflateSymbols.DISTANCE_CODES;
import static org.campusmirror.ws.deflate.internal.DeflateSymbols.LITERAL_LENGTH_CODES;
import static org.campusmirror.ws.deflate.internal.DeflateSymbols.MAX_CODE_BITS;
import static org.campusmirror.ws.deflate.internal.DeflateSymbols.MAX_CODE_LENGTH_BITS;

/**
 * The Huffman codes of one dynamic block (RFC 1951 section 3.2.7): the literal/length and distance codes
 * built from the block's symbol frequencies, and the header that transmits them, its code lengths
 * run-length encoded with symbols 16, 17 and 18 and those coded with the code length code.
 */
final class DynamicHuffmanCodes {
    private static final int REPEAT_PREVIOUS = 16;
    private static final int REPEAT_ZERO_SHORT = 17;
    private static final int REPEAT_ZERO_LONG = 18;

    final byte[] literalLengthBits = new byte[LITERAL_LENGTH_CODES];
    final int[] literalLengthCodes = new int[LITERAL_LENGTH_CODES];
    final byte[] distanceBits = new byte[DISTANCE_CODES];
    final int[] distanceCodes = new int[DISTANCE_CODES];

    private final HuffmanCodeBuilder builder = new HuffmanCodeBuilder(LITERAL_LENGTH_CODES);
    private final byte[] allLengths = new byte[LITERAL_LENGTH_CODES + DISTANCE_CODES];
    private final byte[] runSymbols = new byte[LITERAL_LENGTH_CODES + DISTANCE_CODES];
    private final byte[] runExtra = new byte[LITERAL_LENGTH_CODES + DISTANCE_CODES];
    private final int[] codeLengthFrequencies = new int[CODE_LENGTH_CODES];
    private final byte[] codeLengthBits = new byte[CODE_LENGTH_CODES];
    private final int[] codeLengthCodes = new int[CODE_LENGTH_CODES];
    private int runCount;
    private int literalLengthCount;
    private int distanceCount;
    private int codeLengthCount;

    /** Builds all codes for a block with these frequencies (the end-of-block symbol must be counted). */
    void build(int[] literalLengthFrequencies, int[] distanceFrequencies) {
        builder.buildLengths(literalLengthFrequencies, LITERAL_LENGTH_CODES, MAX_CODE_BITS, literalLengthBits);
        builder.buildCodes(literalLengthBits, LITERAL_LENGTH_CODES, literalLengthCodes);
        builder.buildLengths(distanceFrequencies, DISTANCE_CODES, MAX_CODE_BITS, distanceBits);
        builder.buildCodes(distanceBits, DISTANCE_CODES, distanceCodes);

        literalLengthCount = LITERAL_LENGTH_CODES;
        while (literalLengthCount > 257 && literalLengthBits[literalLengthCount - 1] == 0) {
            literalLengthCount--;
        }
        distanceCount = DISTANCE_CODES;
        while (distanceCount > 1 && distanceBits[distanceCount - 1] == 0) {
            distanceCount--;
        }
        System.arraycopy(literalLengthBits, 0, allLengths, 0, literalLengthCount);
        System.arraycopy(distanceBits, 0, allLengths, literalLengthCount, distanceCount);
        encodeRuns(literalLengthCount + distanceCount);

        builder.buildLengths(codeLengthFrequencies, CODE_LENGTH_CODES, MAX_CODE_LENGTH_BITS, codeLengthBits);
        builder.buildCodes(codeLengthBits, CODE_LENGTH_CODES, codeLengthCodes);
        codeLengthCount = CODE_LENGTH_CODES;
        while (codeLengthCount > 4 && codeLengthBits[CODE_LENGTH_ORDER[codeLengthCount - 1]] == 0) {
            codeLengthCount--;
        }
    }

    /** Size in bits of the header after the 3 block-type bits. */
    long headerBits() {
        long bits = 5 + 5 + 4 + 3L * codeLengthCount;
        for (int i = 0; i < runCount; i++) {
            bits += codeLengthBits[runSymbols[i]] + extraBitsOf(runSymbols[i]);
        }
        return bits;
    }

    /** Size in bits of the coded symbols, extra bits not included. */
    long symbolBits(int[] literalLengthFrequencies, int[] distanceFrequencies) {
        long bits = 0;
        for (int symbol = 0; symbol < LITERAL_LENGTH_CODES; symbol++) {
            bits += (long) literalLengthFrequencies[symbol] * literalLengthBits[symbol];
        }
        for (int symbol = 0; symbol < DISTANCE_CODES; symbol++) {
            bits += (long) distanceFrequencies[symbol] * distanceBits[symbol];
        }
        return bits;
    }

    void writeHeader(DeflateBitWriter out) {
        out.writeBits(literalLengthCount - 257, 5);
        out.writeBits(distanceCount - 1, 5);
        out.writeBits(codeLengthCount - 4, 4);
        for (int i = 0; i < codeLengthCount; i++) {
            out.writeBits(codeLengthBits[CODE_LENGTH_ORDER[i]], 3);
        }
        for (int i = 0; i < runCount; i++) {
            int symbol = runSymbols[i];
            out.writeBits(codeLengthCodes[symbol], codeLengthBits[symbol]);
            out.writeBits(runExtra[i], extraBitsOf(symbol));
        }
    }

    /**
     * Run-length encodes the concatenated code lengths; section 3.2.7 allows runs to cross from the
     * literal/length lengths into the distance lengths.
     */
    private void encodeRuns(int count) {
        runCount = 0;
        Arrays.fill(codeLengthFrequencies, 0);
        int i = 0;
        while (i < count) {
            int value = allLengths[i];
            int run = 1;
            while (i + run < count && allLengths[i + run] == value) {
                run++;
            }
            i += run;
            int remaining = run;
            if (value == 0) {
                while (remaining >= 11) {
                    int chunk = Math.min(138, remaining);
                    addRun(REPEAT_ZERO_LONG, chunk - 11);
                    remaining -= chunk;
                }
                if (remaining >= 3) {
                    addRun(REPEAT_ZERO_SHORT, remaining - 3);
                    remaining = 0;
                }
            } else {
                addRun(value, 0);
                remaining--;
                while (remaining >= 3) {
                    int chunk = Math.min(6, remaining);
                    addRun(REPEAT_PREVIOUS, chunk - 3);
                    remaining -= chunk;
                }
            }
            for (; remaining > 0; remaining--) {
                addRun(value, 0);
            }
        }
    }

    private void addRun(int symbol, int extra) {
        runSymbols[runCount] = (byte) symbol;
        runExtra[runCount] = (byte) extra;
        runCount++;
        codeLengthFrequencies[symbol]++;
    }

    private static int extraBitsOf(int codeLengthSymbol) {
        switch (codeLengthSymbol) {
            case REPEAT_PREVIOUS:
                return 2;
            case REPEAT_ZERO_SHORT:
                return 3;
            case REPEAT_ZERO_LONG:
                return 7;
            default:
                return 0;
        }
    }
}
