package org.campusmirror.ws.deflate.internal;

/**
 * The last bytes a decompressor produced, up to the peer's window, so that a new {@code Inflater} can carry
 * on where a finished one stopped: after a DEFLATE block with BFINAL set (RFC 7692 section 7.2.3.4), zlib
 * ends the stream, while the next block of the message, and with context takeover the next messages, may
 * still refer back into everything before it. A ring that grows by doubling up to the window, so short
 * messages without context takeover keep it small.
 */
final class InflateHistory {
    private static final int INITIAL = 1024;

    private final int limit;
    private byte[] ring;
    /** Where the next byte goes. */
    private int end;
    private int size;

    /** @param limit the window: at most this many of the latest bytes are kept */
    InflateHistory(int limit) {
        this.limit = limit;
    }

    void append(byte[] src, int offset, int length) {
        if (length >= limit) {
            ensureCapacity(limit);
            System.arraycopy(src, offset + length - limit, ring, 0, limit);
            end = 0;
            size = limit;
            return;
        }
        if (ring == null || (ring.length < limit && size + length > ring.length)) {
            ensureCapacity(Math.min(limit, Math.max(INITIAL, Integer.highestOneBit(size + length - 1) << 1)));
        }
        int first = Math.min(length, ring.length - end);
        System.arraycopy(src, offset, ring, end, first);
        System.arraycopy(src, offset + first, ring, 0, length - first);
        end = (end + length) % ring.length;
        size = Math.min(ring.length, size + length);
    }

    /** The kept bytes, oldest first. */
    byte[] contents() {
        byte[] out = new byte[size];
        if (size == 0) {
            return out;
        }
        int start = Math.floorMod(end - size, ring.length);
        int first = Math.min(size, ring.length - start);
        System.arraycopy(ring, start, out, 0, first);
        System.arraycopy(ring, 0, out, first, size - first);
        return out;
    }

    int size() {
        return size;
    }

    /** Heap bytes the ring holds. */
    int capacity() {
        return ring == null ? 0 : ring.length;
    }

    void clear() {
        size = 0;
        end = 0;
    }

    private void ensureCapacity(int capacity) {
        if (ring != null && ring.length >= capacity) {
            return;
        }
        byte[] kept = contents();
        ring = new byte[capacity];
        System.arraycopy(kept, 0, ring, 0, kept.length);
        end = kept.length % capacity;
        size = kept.length;
    }
}
