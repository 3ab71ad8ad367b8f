package org.campusmirror.ws.deflate.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Packs DEFLATE bits least significant bit first (RFC 1951 section 3.1.1) into a growable output buffer
 * that the caller drains. The buffer is kept between messages, so a steady stream of messages of similar
 * size allocates nothing.
 */
final class DeflateBitWriter {
    private byte[] out;
    private int readIndex;
    private int writeIndex;
    /** Bits not yet written as a whole byte, the oldest in the lowest position. */
    private long bitBuffer;
    private int bitCount;

    DeflateBitWriter(int initialCapacity) {
        out = new byte[Math.max(16, initialCapacity)];
    }

    /** Appends the low {@code count} bits of {@code value} (count 0..32). */
    void writeBits(int value, int count) {
        bitBuffer |= (value & ((1L << count) - 1)) << bitCount;
        bitCount += count;
        if (bitCount >= 32) {
            ensureRoom(4);
            int word = (int) bitBuffer;
            out[writeIndex] = (byte) word;
            out[writeIndex + 1] = (byte) (word >>> 8);
            out[writeIndex + 2] = (byte) (word >>> 16);
            out[writeIndex + 3] = (byte) (word >>> 24);
            writeIndex += 4;
            bitBuffer >>>= 32;
            bitCount -= 32;
        }
    }

    /** Pads with zero bits to the next byte boundary, as a stored block header requires. */
    void alignToByte() {
        flushWholeBytes();
        if (bitCount > 0) {
            ensureRoom(1);
            out[writeIndex++] = (byte) bitBuffer;
            bitBuffer = 0;
            bitCount = 0;
        }
    }

    /** Bits written since the last byte boundary, 0..7 once whole bytes are flushed. */
    int bitsPastByteBoundary() {
        return bitCount & 7;
    }

    /** Appends raw bytes; only valid on a byte boundary. */
    void writeBytes(byte[] src, int offset, int length) {
        flushWholeBytes();
        if (bitCount != 0) {
            throw new IllegalStateException("raw bytes need a byte boundary");
        }
        ensureRoom(length);
        System.arraycopy(src, offset, out, writeIndex, length);
        writeIndex += length;
    }

    /** Number of complete bytes ready to drain (bits of an unfinished byte are not counted). */
    int pending() {
        flushWholeBytes();
        return writeIndex - readIndex;
    }

    /** Moves up to {@code dst.remaining()} pending bytes into {@code dst}; returns how many. */
    int drainTo(ByteBuffer dst) {
        int count = Math.min(pending(), dst.remaining());
        dst.put(out, readIndex, count);
        consume(count);
        return count;
    }

    /** Copies up to {@code length} pending bytes into {@code dst}; returns how many. */
    int drainTo(byte[] dst, int offset, int length) {
        int count = Math.min(pending(), length);
        System.arraycopy(out, readIndex, dst, offset, count);
        consume(count);
        return count;
    }

    /** Forgets everything, pending bytes and bits included. */
    void clear() {
        readIndex = 0;
        writeIndex = 0;
        bitBuffer = 0;
        bitCount = 0;
    }

    private void consume(int count) {
        readIndex += count;
        if (readIndex == writeIndex) {
            readIndex = 0;
            writeIndex = 0;
        }
    }

    private void flushWholeBytes() {
        if (bitCount >= 8) {
            ensureRoom(bitCount >>> 3);
            while (bitCount >= 8) {
                out[writeIndex++] = (byte) bitBuffer;
                bitBuffer >>>= 8;
                bitCount -= 8;
            }
        }
    }

    private void ensureRoom(int extra) {
        if (writeIndex + extra <= out.length) {
            return;
        }
        if (readIndex > 0) {
            // Bytes already drained leave room at the front: reuse it before growing.
            System.arraycopy(out, readIndex, out, 0, writeIndex - readIndex);
            writeIndex -= readIndex;
            readIndex = 0;
            if (writeIndex + extra <= out.length) {
                return;
            }
        }
        long wanted = Math.max((long) out.length * 2, (long) writeIndex + extra);
        if (wanted > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("compressed output exceeds " + (Integer.MAX_VALUE - 8) + " bytes");
        }
        out = Arrays.copyOf(out, (int) wanted);
    }
}
