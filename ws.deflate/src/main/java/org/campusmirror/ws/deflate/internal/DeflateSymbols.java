package org.campusmirror.ws.deflate.internal;

/**
 * The symbol alphabets of RFC 1951 section 3.2.5: how a match length or distance maps to a code plus
 * extra bits, and the fixed Huffman code lengths of section 3.2.6.
 */
final class DeflateSymbols {
    static final int MIN_MATCH = 3;
    static final int MAX_MATCH = 258;
    /** The largest distance DEFLATE can express at all (a 32 KiB window). */
    static final int MAX_DISTANCE = 32768;

    static final int END_OF_BLOCK = 256;
    /** Literal/length codes 0..285; 286 and 287 never occur in a valid stream. */
    static final int LITERAL_LENGTH_CODES = 286;
    static final int DISTANCE_CODES = 30;
    static final int CODE_LENGTH_CODES = 19;
    static final int MAX_CODE_BITS = 15;
    static final int MAX_CODE_LENGTH_BITS = 7;

    /** The order in which a dynamic block header lists the code length code lengths (section 3.2.7). */
    static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    private static final int[] LENGTH_BASE = new int[29];
    private static final int[] LENGTH_EXTRA_BITS = new int[29];
    private static final int[] DISTANCE_BASE = new int[DISTANCE_CODES];
    private static final int[] DISTANCE_EXTRA_BITS = new int[DISTANCE_CODES];
    /** Length code (257..285) for each match length minus 3. */
    private static final short[] LENGTH_CODE = new short[256];

    static {
        for (int code = 0; code < 28; code++) {
            int extra = code < 8 ? 0 : code / 4 - 1;
            LENGTH_EXTRA_BITS[code] = extra;
            LENGTH_BASE[code] = code < 8 ? code + 3 : ((4 + (code & 3)) << extra) + 3;
        }
        // Code 285 is length 258 with no extra bits, not the 227..257 pattern continued.
        LENGTH_BASE[28] = MAX_MATCH;
        LENGTH_EXTRA_BITS[28] = 0;
        for (int code = 0; code < 28; code++) {
            int first = LENGTH_BASE[code] - MIN_MATCH;
            int count = 1 << LENGTH_EXTRA_BITS[code];
            for (int i = 0; i < count; i++) {
                LENGTH_CODE[first + i] = (short) (257 + code);
            }
        }
        LENGTH_CODE[MAX_MATCH - MIN_MATCH] = 285;
        for (int code = 0; code < DISTANCE_CODES; code++) {
            int extra = code < 4 ? 0 : code / 2 - 1;
            DISTANCE_EXTRA_BITS[code] = extra;
            DISTANCE_BASE[code] = code < 4 ? code + 1 : ((2 + (code & 1)) << extra) + 1;
        }
    }

    private DeflateSymbols() {
    }

    /** The literal/length code (257..285) of a match length 3..258. */
    static int lengthCode(int length) {
        return LENGTH_CODE[length - MIN_MATCH];
    }

    static int lengthExtraBits(int lengthCode) {
        return LENGTH_EXTRA_BITS[lengthCode - 257];
    }

    static int lengthBase(int lengthCode) {
        return LENGTH_BASE[lengthCode - 257];
    }

    /** The distance code (0..29) of a distance 1..32768. */
    static int distanceCode(int distance) {
        int d = distance - 1;
        if (d < 4) {
            return d;
        }
        int topBit = 31 - Integer.numberOfLeadingZeros(d);
        return 2 * topBit + ((d >>> (topBit - 1)) & 1);
    }

    static int distanceExtraBits(int distanceCode) {
        return DISTANCE_EXTRA_BITS[distanceCode];
    }

    static int distanceBase(int distanceCode) {
        return DISTANCE_BASE[distanceCode];
    }

    /** Code length of a literal/length symbol in the fixed code (section 3.2.6). */
    static int fixedLiteralLengthBits(int symbol) {
        if (symbol < 144) {
            return 8;
        }
        if (symbol < 256) {
            return 9;
        }
        return symbol < 280 ? 7 : 8;
    }

    /** Every distance code is 5 bits long in the fixed code. */
    static final int FIXED_DISTANCE_BITS = 5;
}
