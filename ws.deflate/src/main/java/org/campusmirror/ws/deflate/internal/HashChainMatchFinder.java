package org.campusmirror.ws.deflate.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The LZ77 side of the compressor (RFC 1951 section 4): a buffer of recent history plus lookahead, and
 * hash chains over 3-byte prefixes that find the longest earlier match no farther back than the window.
 *
 * <p>The buffer holds the window plus a fixed slack; when it fills, the oldest bytes are slid out and
 * every stored position is rebased, so memory stays O(window + hash table) however long the stream runs.
 * Chain links live in a ring of one slot per window position: a link older than the window may have been
 * overwritten, so a walk stops at the window edge and whenever a link fails to point strictly backwards.
 */
final class HashChainMatchFinder {
    static final int NIL = -1;
    private static final VarHandle LONG_VIEW = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Room for input beyond the window, so that sliding (a copy and a rebase) is rare. */
    static final int SLACK = 32 * 1024;

    private final int windowSize;
    private final int windowMask;
    private final int hashShift;
    private final byte[] buffer;
    /** Most recent position per hash value, or NIL. */
    private final int[] head;
    /** Previous position with the same hash, per position modulo the window size. */
    private final int[] previous;
    /** Added to a position before indexing {@link #previous}, so slot numbers survive sliding. */
    private int previousOffset;
    private int filled;
    private int matchDistance;

    HashChainMatchFinder(int windowBits) {
        // Two more hash bits than window bits keeps chains short; zlib's default uses 15 bits for all.
        this(windowBits, Math.min(15, windowBits + 2));
    }

    HashChainMatchFinder(int windowBits, int hashBits) {
        windowSize = 1 << windowBits;
        windowMask = windowSize - 1;
        hashShift = 32 - hashBits;
        buffer = new byte[windowSize + SLACK];
        head = new int[1 << hashBits];
        previous = new int[windowSize];
        Arrays.fill(head, NIL);
    }

    byte[] buffer() {
        return buffer;
    }

    int windowSize() {
        return windowSize;
    }

    /** Bytes held: history and lookahead. */
    int filled() {
        return filled;
    }

    int free() {
        return buffer.length - filled;
    }

    /** Distance of the match the last {@link #longestMatch} call found. */
    int matchDistance() {
        return matchDistance;
    }

    /** Copies as many bytes as fit; returns how many. */
    int append(byte[] src, int offset, int length) {
        int count = Math.min(length, free());
        System.arraycopy(src, offset, buffer, filled, count);
        filled += count;
        return count;
    }

    /** Copies as many bytes as fit; returns how many. */
    int append(ByteBuffer src) {
        int count = Math.min(src.remaining(), free());
        src.get(buffer, filled, count);
        filled += count;
        return count;
    }

    /**
     * Enters the 3 bytes at {@code position} (which must exist) into the hash chains; returns the most
     * recent earlier position with the same hash, or NIL.
     */
    int insert(int position) {
        int hash = hash(position);
        int earlier = head[hash];
        previous[(position + previousOffset) & windowMask] = earlier;
        head[hash] = position;
        return earlier;
    }

    /**
     * Walks the chain from {@code candidate} for a match at {@code position} longer than {@code longerThan}
     * and at most {@code maxLength} long (maxLength must exceed longerThan and be at least 3). Returns the
     * best length found, or 0 if none is longer; its distance is then {@link #matchDistance()}, never more
     * than the window size.
     */
    int longestMatch(int position, int candidate, int longerThan, int maxLength, int maxChain, int niceLength) {
        byte[] data = buffer;
        int lowest = Math.max(0, position - windowSize);
        int best = longerThan;
        int bestDistance = 0;
        int enough = Math.min(niceLength, maxLength);
        int chain = maxChain;
        int current = candidate;
        while (current >= lowest) {
            // Cheap rejections first: the byte that would make this match better, then the first two.
            if (data[current + best] == data[position + best]
                    && data[current + best - 1] == data[position + best - 1]
                    && data[current] == data[position]
                    && data[current + 1] == data[position + 1]) {
                int length = commonPrefix(current, position, maxLength);
                if (length > best) {
                    best = length;
                    bestDistance = position - current;
                    if (length >= enough) {
                        break;
                    }
                }
            }
            if (--chain == 0) {
                break;
            }
            int next = previous[(current + previousOffset) & windowMask];
            if (next >= current) {
                break;
            }
            current = next;
        }
        if (bestDistance == 0) {
            return 0;
        }
        matchDistance = bestDistance;
        return best;
    }

    /** Drops the oldest {@code shift} bytes and rebases every position by {@code -shift}. */
    void slide(int shift) {
        System.arraycopy(buffer, shift, buffer, 0, filled - shift);
        filled -= shift;
        rebase(head, shift);
        rebase(previous, shift);
        previousOffset = (previousOffset + shift) & windowMask;
    }

    /** Forgets all history, as when context takeover is off. */
    void reset() {
        filled = 0;
        previousOffset = 0;
        Arrays.fill(head, NIL);
    }

    /** Length of the common prefix of the bytes at {@code a} and {@code b}, up to {@code max}; 8 bytes a step. */
    private int commonPrefix(int a, int b, int max) {
        byte[] data = buffer;
        int length = 0;
        int wordLimit = Math.min(max, data.length - b) - Long.BYTES;
        while (length <= wordLimit) {
            long difference = (long) LONG_VIEW.get(data, a + length) ^ (long) LONG_VIEW.get(data, b + length);
            if (difference != 0) {
                return Math.min(max, length + (Long.numberOfTrailingZeros(difference) >>> 3));
            }
            length += Long.BYTES;
        }
        while (length < max && data[a + length] == data[b + length]) {
            length++;
        }
        return length;
    }

    private int hash(int position) {
        int prefix = (buffer[position] & 0xff) << 16 | (buffer[position + 1] & 0xff) << 8 | (buffer[position + 2] & 0xff);
        return (prefix * 0x9E3779B1) >>> hashShift;
    }

    private static void rebase(int[] positions, int shift) {
        for (int i = 0; i < positions.length; i++) {
            int position = positions[i];
            positions[i] = position >= shift ? position - shift : NIL;
        }
    }
}
