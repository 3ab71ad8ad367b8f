package org.campusmirror.ws.deflate.internal;

import java.util.Arrays;

import static org.campusmirror.ws.deflate.internal.DeflateSymbols.DISTANCE_CODES;
import static org.campusmirror.ws.deflate.internal.DeflateSymbols.END_OF_BLOCK;
import static org.campusmirror.ws.deflate.internal.DeflateSymbols.FIXED_DISTANCE_BITS;
import static org.campusmirror.ws.deflate.internal.DeflateSymbols.LITERAL_LENGTH_CODES;

/**
 * Collects the literals and matches of one block and writes them as whichever block type of RFC 1951
 * section 3.2.3 is smallest: stored (3.2.4), fixed Huffman codes (3.2.6) or dynamic Huffman codes
 * (3.2.7). Every block is written with BFINAL = 0, because a permessage-deflate stream never ends.
 */
final class DeflateBlockEncoder {
    private static final int STORED = 0;
    private static final int FIXED = 1;
    private static final int DYNAMIC = 2;
    private static final int MAX_STORED_LENGTH = 65535;

    private static final byte[] FIXED_LITERAL_LENGTH_BITS = new byte[288];
    private static final int[] FIXED_LITERAL_LENGTH_CODES = new int[288];
    private static final byte[] FIXED_DISTANCE_BITS_ALL = new byte[DISTANCE_CODES];
    private static final int[] FIXED_DISTANCE_CODES = new int[DISTANCE_CODES];

    static {
        HuffmanCodeBuilder builder = new HuffmanCodeBuilder(288);
        for (int symbol = 0; symbol < 288; symbol++) {
            FIXED_LITERAL_LENGTH_BITS[symbol] = (byte) DeflateSymbols.fixedLiteralLengthBits(symbol);
        }
        builder.buildCodes(FIXED_LITERAL_LENGTH_BITS, 288, FIXED_LITERAL_LENGTH_CODES);
        Arrays.fill(FIXED_DISTANCE_BITS_ALL, (byte) FIXED_DISTANCE_BITS);
        builder.buildCodes(FIXED_DISTANCE_BITS_ALL, DISTANCE_CODES, FIXED_DISTANCE_CODES);
    }

    /** Literal byte, or match length minus 3, per symbol. */
    private final byte[] literalOrLength;
    /** Match distance per symbol, 0 for a literal. */
    private final char[] distances;
    private final int capacity;
    private final int[] literalLengthFrequencies = new int[LITERAL_LENGTH_CODES];
    private final int[] distanceFrequencies = new int[DISTANCE_CODES];
    private final DynamicHuffmanCodes dynamicCodes = new DynamicHuffmanCodes();
    private int count;
    private long extraBits;

    /** @param capacity symbols per block before the block must be written */
    DeflateBlockEncoder(int capacity) {
        this.capacity = capacity;
        literalOrLength = new byte[capacity];
        distances = new char[capacity];
    }

    /** Records a literal; returns true when the block is full and must be written. */
    boolean addLiteral(int literal) {
        literalOrLength[count] = (byte) literal;
        distances[count] = 0;
        literalLengthFrequencies[literal & 0xff]++;
        return ++count == capacity;
    }

    /** Records a match; returns true when the block is full and must be written. */
    boolean addMatch(int length, int distance) {
        literalOrLength[count] = (byte) (length - DeflateSymbols.MIN_MATCH);
        distances[count] = (char) distance;
        int lengthCode = DeflateSymbols.lengthCode(length);
        int distanceCode = DeflateSymbols.distanceCode(distance);
        literalLengthFrequencies[lengthCode]++;
        distanceFrequencies[distanceCode]++;
        extraBits += DeflateSymbols.lengthExtraBits(lengthCode) + DeflateSymbols.distanceExtraBits(distanceCode);
        return ++count == capacity;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /**
     * Writes the collected symbols as one block and starts a new one. {@code raw[rawStart, rawStart +
     * rawLength)} must be exactly the bytes the symbols encode, for the case that storing them is smaller.
     */
    void writeBlock(DeflateBitWriter out, byte[] raw, int rawStart, int rawLength) {
        literalLengthFrequencies[END_OF_BLOCK]++;
        dynamicCodes.build(literalLengthFrequencies, distanceFrequencies);
        long dynamicBits = 3 + dynamicCodes.headerBits()
                + dynamicCodes.symbolBits(literalLengthFrequencies, distanceFrequencies) + extraBits;
        long fixedBits = 3 + fixedSymbolBits() + extraBits;
        long storedBits = storedBits(out.bitsPastByteBoundary(), rawLength);
        if (storedBits <= Math.min(dynamicBits, fixedBits)) {
            writeStored(out, raw, rawStart, rawLength);
        } else if (dynamicBits < fixedBits) {
            out.writeBits(DYNAMIC << 1, 3);
            dynamicCodes.writeHeader(out);
            writeSymbols(out, dynamicCodes.literalLengthBits, dynamicCodes.literalLengthCodes,
                    dynamicCodes.distanceBits, dynamicCodes.distanceCodes);
        } else {
            out.writeBits(FIXED << 1, 3);
            writeSymbols(out, FIXED_LITERAL_LENGTH_BITS, FIXED_LITERAL_LENGTH_CODES,
                    FIXED_DISTANCE_BITS_ALL, FIXED_DISTANCE_CODES);
        }
        count = 0;
        extraBits = 0;
        Arrays.fill(literalLengthFrequencies, 0);
        Arrays.fill(distanceFrequencies, 0);
    }

    /** Writes an empty stored block: the sync-flush marker {@code 00 00 ff ff} on a byte boundary. */
    static void writeEmptyStoredBlock(DeflateBitWriter out) {
        out.writeBits(STORED << 1, 3);
        out.alignToByte();
        out.writeBits(0x0000, 16);
        out.writeBits(0xffff, 16);
    }

    /** Forgets the symbols collected so far (used when a compressor is reset mid-block). */
    void discard() {
        count = 0;
        extraBits = 0;
        Arrays.fill(literalLengthFrequencies, 0);
        Arrays.fill(distanceFrequencies, 0);
    }

    private long fixedSymbolBits() {
        long bits = 0;
        for (int symbol = 0; symbol < LITERAL_LENGTH_CODES; symbol++) {
            bits += (long) literalLengthFrequencies[symbol] * FIXED_LITERAL_LENGTH_BITS[symbol];
        }
        for (int symbol = 0; symbol < DISTANCE_CODES; symbol++) {
            bits += (long) distanceFrequencies[symbol] * FIXED_DISTANCE_BITS;
        }
        return bits;
    }

    /** Stored blocks hold at most 65535 bytes each; each costs 3 header bits, padding and 4 length bytes. */
    private static long storedBits(int bitsPastByteBoundary, int rawLength) {
        long blocks = Math.max(1, (rawLength + MAX_STORED_LENGTH - 1) / MAX_STORED_LENGTH);
        int firstPadding = (8 - ((bitsPastByteBoundary + 3) & 7)) & 7;
        return firstPadding + 3 + (blocks - 1) * 8 + blocks * 32 + 8L * rawLength;
    }

    private static void writeStored(DeflateBitWriter out, byte[] raw, int rawStart, int rawLength) {
        int offset = rawStart;
        int remaining = rawLength;
        do {
            int length = Math.min(MAX_STORED_LENGTH, remaining);
            out.writeBits(STORED << 1, 3);
            out.alignToByte();
            out.writeBits(length, 16);
            out.writeBits(~length & 0xffff, 16);
            out.writeBytes(raw, offset, length);
            offset += length;
            remaining -= length;
        } while (remaining > 0);
    }

    private void writeSymbols(DeflateBitWriter out, byte[] literalLengthBits, int[] literalLengthCodes,
            byte[] distanceBits, int[] distanceCodes) {
        for (int i = 0; i < count; i++) {
            int value = literalOrLength[i] & 0xff;
            int distance = distances[i];
            if (distance == 0) {
                out.writeBits(literalLengthCodes[value], literalLengthBits[value]);
                continue;
            }
            int length = value + DeflateSymbols.MIN_MATCH;
            int lengthCode = DeflateSymbols.lengthCode(length);
            int lengthBits = literalLengthBits[lengthCode];
            int lengthExtra = DeflateSymbols.lengthExtraBits(lengthCode);
            out.writeBits(literalLengthCodes[lengthCode]
                    | (length - DeflateSymbols.lengthBase(lengthCode)) << lengthBits, lengthBits + lengthExtra);
            int distanceCode = DeflateSymbols.distanceCode(distance);
            int distanceCodeBits = distanceBits[distanceCode];
            int distanceExtra = DeflateSymbols.distanceExtraBits(distanceCode);
            out.writeBits(distanceCodes[distanceCode]
                    | (distance - DeflateSymbols.distanceBase(distanceCode)) << distanceCodeBits,
                    distanceCodeBits + distanceExtra);
        }
        out.writeBits(literalLengthCodes[END_OF_BLOCK], literalLengthBits[END_OF_BLOCK]);
    }
}
