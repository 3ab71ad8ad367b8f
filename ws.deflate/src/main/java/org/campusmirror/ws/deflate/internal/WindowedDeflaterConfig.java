package org.campusmirror.ws.deflate.internal;

/**
 * Settings of a {@link WindowedDeflater}, with defaults close to zlib's level 6.
 *
 * <p>{@code windowBits} is taken literally, as RFC 7692 section 7.1.2 defines it: the LZ77 window is
 * 2^windowBits bytes, so no back-reference reaches farther than that. That holds for 8 too: 256 bytes.
 * zlib differs here (its deflateInit2 documentation: a request for 8 results in 9, a 512-byte window), so
 * a zlib-based compressor cannot honour a peer's {@code max_window_bits=8}; this one can. Any inflater
 * with a window of 256 bytes or more, zlib's included, decodes the result.
 *
 * @param windowBits       8..15; the window is {@code 1 << windowBits} bytes
 * @param contextTakeover  whether the window carries over from one message to the next
 * @param maxChainLength   hash-chain entries examined per match search (speed against ratio)
 * @param goodMatchLength  once the previous match is this long, search a quarter of the chain
 * @param lazyMatchLength  a match this long is taken without trying the next position
 * @param niceMatchLength  a match this long ends the search at once
 * @param blockSymbols     literals and matches per DEFLATE block before the block is written
 * @param maxHashBits      upper bound on the match finder's hash table, 2^maxHashBits heads (8..16); the
 *                         table has 2^min(windowBits + 2, maxHashBits). zlib sizes it as memLevel + 7, so
 *                         permessage-deflate's memLevel maps here; default 15 (zlib's memLevel 8)
 */
public record WindowedDeflaterConfig(
        int windowBits,
        ContextTakeover contextTakeover,
        int maxChainLength,
        int goodMatchLength,
        int lazyMatchLength,
        int niceMatchLength,
        int blockSymbols,
        int maxHashBits) {

    public static final int MIN_WINDOW_BITS = 8;
    public static final int MAX_WINDOW_BITS = 15;

    /** What happens to the window when a message ends (RFC 7692 section 7.1.1). */
    public enum ContextTakeover {
        /** Later messages may refer back into earlier ones, within the window. */
        KEEP,
        /** Every message is compressed on its own, as with {@code *_no_context_takeover}. */
        RESET_PER_MESSAGE
    }

    public WindowedDeflaterConfig {
        if (windowBits < MIN_WINDOW_BITS || windowBits > MAX_WINDOW_BITS) {
            throw new IllegalArgumentException("windowBits must be " + MIN_WINDOW_BITS + ".." + MAX_WINDOW_BITS
                    + ", was " + windowBits);
        }
        if (contextTakeover == null) {
            throw new IllegalArgumentException("contextTakeover is required");
        }
        requireRange("maxChainLength", maxChainLength, 1, 1 << 16);
        requireRange("goodMatchLength", goodMatchLength, DeflateSymbols.MIN_MATCH, DeflateSymbols.MAX_MATCH);
        requireRange("lazyMatchLength", lazyMatchLength, DeflateSymbols.MIN_MATCH, DeflateSymbols.MAX_MATCH);
        requireRange("niceMatchLength", niceMatchLength, DeflateSymbols.MIN_MATCH, DeflateSymbols.MAX_MATCH);
        requireRange("blockSymbols", blockSymbols, 256, 1 << 20);
        requireRange("maxHashBits", maxHashBits, 8, 16);
    }

    /** The given window and context mode with the default search effort (zlib level 6). */
    public static WindowedDeflaterConfig of(int windowBits, ContextTakeover contextTakeover) {
        return new WindowedDeflaterConfig(windowBits, contextTakeover, 128, 8, 16, 128, 16 * 1024, 15);
    }

    /**
     * The same settings with a shallow search: zlib level 1's chain and nice lengths (4 and 8), but still
     * lazy matching, so somewhat slower and smaller than zlib level 1.
     */
    public WindowedDeflaterConfig withFastSearch() {
        return new WindowedDeflaterConfig(windowBits, contextTakeover, 4, 4, 4, 8, blockSymbols, maxHashBits);
    }

    public WindowedDeflaterConfig withMaxChainLength(int chain) {
        return new WindowedDeflaterConfig(windowBits, contextTakeover, chain, goodMatchLength, lazyMatchLength,
                niceMatchLength, blockSymbols, maxHashBits);
    }

    public WindowedDeflaterConfig withBlockSymbols(int symbols) {
        return new WindowedDeflaterConfig(windowBits, contextTakeover, maxChainLength, goodMatchLength,
                lazyMatchLength, niceMatchLength, symbols, maxHashBits);
    }

    /** The same settings with at most 2^bits hash heads (8..16). */
    public WindowedDeflaterConfig withMaxHashBits(int bits) {
        return new WindowedDeflaterConfig(windowBits, contextTakeover, maxChainLength, goodMatchLength,
                lazyMatchLength, niceMatchLength, blockSymbols, bits);
    }

    /** Bits of the match finder's hash: two more than the window keeps chains short, within maxHashBits. */
    public int hashBits() {
        return Math.min(windowBits + 2, maxHashBits);
    }

    public int windowSize() {
        return 1 << windowBits;
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", was " + value);
        }
    }
}
