package org.campusmirror.ws.deflate.internal;

import java.nio.ByteBuffer;
import java.util.Objects;

import static org.campusmirror.ws.deflate.internal.DeflateSymbols.MAX_MATCH;
import static org.campusmirror.ws.deflate.internal.DeflateSymbols.MIN_MATCH;

/**
 * A raw DEFLATE compressor (RFC 1951) whose back-references never reach farther than a window of
 * 2^windowBits bytes, for the {@code server_max_window_bits} / {@code client_max_window_bits} values
 * below 15 that {@link java.util.zip.Deflater} cannot honour (RFC 7692 section 7.1.2).
 *
 * <p>Use per message: {@link #write} the payload in one or more pieces, then {@link #finishMessage()},
 * which flushes everything and ends on an empty stored block, so the message's output ends with
 * {@code 00 00 ff ff} (RFC 7692 section 7.2.1 has the caller strip those four bytes). Compressed bytes
 * accumulate in an internal buffer that the caller drains at any time with {@link #drainTo}. With
 * context takeover the next message may refer back into earlier ones; without it each message starts
 * from an empty window.
 *
 * <p>Matching is zlib-style lazy LZ77 over hash chains; each block is written stored, with fixed or
 * with dynamic Huffman codes, whichever is smallest. State is O(window + hash table); buffers are
 * reused across messages. Not thread-safe: one instance per connection direction.
 */
public final class WindowedDeflater {
    /** Keep this much lookahead while more input may come, so a match can always reach full length. */
    private static final int MIN_LOOKAHEAD = MAX_MATCH + MIN_MATCH + 1;
    /** A 3-byte match this far back costs more bits than three literals, as zlib reasons too. */
    private static final int TOO_FAR_FOR_MIN_MATCH = 4096;

    private final WindowedDeflaterConfig config;
    private final HashChainMatchFinder finder;
    private final DeflateBlockEncoder blocks;
    private final DeflateBitWriter out;
    private final byte[] buffer;

    /** Next byte to examine. */
    private int position;
    /** First byte of the block being collected, and how many bytes its symbols cover so far. */
    private int blockStart;
    private int blockBytes;
    /** Lazy matching: the match found at the previous position, waiting for a better one at this one. */
    private int matchLength = MIN_MATCH - 1;
    private int matchDistance;
    private boolean matchAvailable;

    public WindowedDeflater(WindowedDeflaterConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        finder = new HashChainMatchFinder(config.windowBits(), config.hashBits());
        blocks = new DeflateBlockEncoder(config.blockSymbols());
        out = new DeflateBitWriter(4096);
        buffer = finder.buffer();
    }

    public WindowedDeflaterConfig config() {
        return config;
    }

    /** Compresses part of the current message; output may become available to drain. */
    public void write(byte[] src, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, src.length);
        int from = offset;
        int remaining = length;
        while (remaining > 0) {
            makeRoomIfFull();
            int copied = finder.append(src, from, remaining);
            from += copied;
            remaining -= copied;
            compress(false);
        }
    }

    /** Compresses part of the current message, consuming {@code src} entirely. */
    public void write(ByteBuffer src) {
        while (src.hasRemaining()) {
            makeRoomIfFull();
            finder.append(src);
            compress(false);
        }
    }

    /**
     * Ends the current message: compresses what is left, writes the last block and an empty stored
     * block, so the output is byte-aligned and ends with {@code 00 00 ff ff}. Without context takeover
     * the window is then emptied.
     */
    public void finishMessage() {
        compress(true);
        if (!blocks.isEmpty()) {
            writeBlock();
        }
        DeflateBlockEncoder.writeEmptyStoredBlock(out);
        matchLength = MIN_MATCH - 1;
        if (config.contextTakeover() == WindowedDeflaterConfig.ContextTakeover.RESET_PER_MESSAGE) {
            forgetHistory();
        }
    }

    /** Compressed bytes ready to drain. */
    public int pendingOutput() {
        return out.pending();
    }

    /** Moves pending output into {@code dst} as far as it has room; returns the number of bytes moved. */
    public int drainTo(ByteBuffer dst) {
        return out.drainTo(dst);
    }

    /** Copies up to {@code length} bytes of pending output into {@code dst}; returns how many. */
    public int drainTo(byte[] dst, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, dst.length);
        return out.drainTo(dst, offset, length);
    }

    /** Drops the window, any unfinished message and undrained output: a fresh stream begins. */
    public void reset() {
        blocks.discard();
        out.clear();
        matchLength = MIN_MATCH - 1;
        matchAvailable = false;
        forgetHistory();
    }

    private void forgetHistory() {
        finder.reset();
        position = 0;
        blockStart = 0;
        blockBytes = 0;
    }

    /**
     * Lazy LZ77 as in zlib's deflate_slow: a match found at one position is held back one step, and
     * dropped for a literal if the next position starts a longer match. Without {@code flush} it stops
     * while fewer than MIN_LOOKAHEAD bytes are left, because more input may extend a match.
     */
    private void compress(boolean flush) {
        int windowSize = finder.windowSize();
        while (true) {
            int lookahead = finder.filled() - position;
            if (lookahead < MIN_LOOKAHEAD && (!flush || lookahead == 0)) {
                break;
            }
            int candidate = lookahead >= MIN_MATCH ? finder.insert(position) : HashChainMatchFinder.NIL;
            int previousLength = matchLength;
            int previousDistance = matchDistance;
            matchLength = MIN_MATCH - 1;
            int maxLength = Math.min(MAX_MATCH, lookahead);
            if (candidate != HashChainMatchFinder.NIL && position - candidate <= windowSize
                    && previousLength < config.lazyMatchLength() && previousLength < maxLength) {
                findMatch(candidate, previousLength, maxLength);
            }
            if (previousLength >= MIN_MATCH && matchLength <= previousLength) {
                // The match that began at position - 1 wins; index the positions it covers, then skip them.
                int lastHashable = finder.filled() - MIN_MATCH;
                boolean full = blocks.addMatch(previousLength, previousDistance);
                blockBytes += previousLength;
                for (int covered = previousLength - 2; covered > 0; covered--) {
                    position++;
                    if (position <= lastHashable) {
                        finder.insert(position);
                    }
                }
                position++;
                matchAvailable = false;
                matchLength = MIN_MATCH - 1;
                if (full) {
                    writeBlock();
                }
            } else if (matchAvailable) {
                boolean full = blocks.addLiteral(buffer[position - 1]);
                blockBytes++;
                position++;
                if (full) {
                    writeBlock();
                }
            } else {
                matchAvailable = true;
                position++;
            }
        }
        if (flush && matchAvailable) {
            boolean full = blocks.addLiteral(buffer[position - 1]);
            blockBytes++;
            matchAvailable = false;
            if (full) {
                writeBlock();
            }
        }
    }

    private void findMatch(int candidate, int previousLength, int maxLength) {
        int chain = previousLength >= config.goodMatchLength()
                ? Math.max(1, config.maxChainLength() >> 2)
                : config.maxChainLength();
        int found = finder.longestMatch(position, candidate, Math.max(previousLength, MIN_MATCH - 1),
                maxLength, chain, config.niceMatchLength());
        if (found >= MIN_MATCH) {
            matchDistance = finder.matchDistance();
            matchLength = found == MIN_MATCH && matchDistance > TOO_FAR_FOR_MIN_MATCH ? MIN_MATCH - 1 : found;
        }
    }

    /** The buffer is full: write the block if sliding would drop its bytes, then slide the window. */
    private void makeRoomIfFull() {
        if (finder.free() > 0) {
            return;
        }
        int shift = position - finder.windowSize();
        if (shift <= 0) {
            throw new IllegalStateException("no room although the lookahead was consumed");
        }
        if (blockStart < shift) {
            writeBlock();
        }
        finder.slide(shift);
        position -= shift;
        blockStart -= shift;
    }

    private void writeBlock() {
        blocks.writeBlock(out, buffer, blockStart, blockBytes);
        blockStart += blockBytes;
        blockBytes = 0;
    }
}
