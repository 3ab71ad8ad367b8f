package org.campusmirror.ws.deflate.internal;

import java.util.ArrayDeque;
import java.util.zip.Deflater;

/**
 * The concurrency limit on compression, as Java NIO needs it: at most {@code limit} messages of all
 * connections of one configuration are being compressed at the same time. A message that finds no free
 * {@link Slot} is sent uncompressed instead of waiting, because the thread asking is a selector loop that
 * must not block (RFC 7692 lets any message go uncompressed, RSV1 clear).
 *
 * <p>Each slot lends what compressing one message needs and nothing that must outlive it: an output scratch
 * buffer, and, for connections whose own messages are compressed without context takeover at the full
 * window, a zlib {@link Deflater} that is reset after each message. So at most {@code limit} such Deflaters
 * and buffers exist per configuration, however many connections there are, and an idle connection holds
 * none. Thread-safe.
 */
public final class CompressionPool {
    /** Compressed output is handed on in pieces of at most this many bytes. */
    public static final int SCRATCH_SIZE = 16 * 1024;

    private final int limit;
    private final int level;
    private final ZlibStreams streams;
    private final ArrayDeque<Slot> idle = new ArrayDeque<>();
    private int created;
    private boolean closed;

    public CompressionPool(int limit, int level, ZlibStreams streams) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        this.limit = limit;
        this.level = level;
        this.streams = streams;
    }

    /** A free slot, or null when {@code limit} messages are being compressed right now. */
    public synchronized Slot tryAcquire() {
        Slot slot = idle.pollFirst();
        if (slot != null) {
            return slot;
        }
        if (created >= limit) {
            return null;
        }
        created++;
        return new Slot();
    }

    /** Gives a slot back; its Deflater, if it made one, is reset here, ready for a new stream. */
    public void release(Slot slot) {
        if (slot.deflater != null) {
            slot.deflater.reset();
        }
        synchronized (this) {
            if (!closed) {
                idle.addFirst(slot);
                return;
            }
            created--;
        }
        slot.end();
    }

    /** Slots in use right now. */
    public synchronized int inUse() {
        return created - idle.size();
    }

    /** Ends the Deflaters of idle slots; slots in use end theirs when released. Later acquires still work. */
    public void close() {
        Slot[] ending;
        synchronized (this) {
            closed = true;
            ending = idle.toArray(new Slot[0]);
            idle.clear();
            created -= ending.length;
        }
        for (Slot slot : ending) {
            slot.end();
        }
    }

    /** What compressing one message borrows. Used by one thread at a time, between acquire and release. */
    public final class Slot {
        private byte[] scratch;
        private Deflater deflater;

        private Slot() {
        }

        /** A buffer of {@link #SCRATCH_SIZE} bytes for compressed output on its way to the sink. */
        public byte[] scratch() {
            if (scratch == null) {
                scratch = new byte[SCRATCH_SIZE];
            }
            return scratch;
        }

        /** A full-window zlib compressor at the pool's level, created on first use, kept with the slot. */
        public Deflater deflater() {
            if (deflater == null) {
                deflater = streams.newDeflater(level);
            }
            return deflater;
        }

        private void end() {
            if (deflater != null) {
                deflater.end();
                deflater = null;
            }
        }
    }
}
