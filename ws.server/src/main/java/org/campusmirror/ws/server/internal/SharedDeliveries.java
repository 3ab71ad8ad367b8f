package org.campusmirror.ws.server.internal;

/**
 * The broadcast views one connection has queued and not yet written, oldest first, each with the position in
 * the connection's output stream where it ends (the engine's {@code enqueuedBytes()} once it was queued). When
 * the connection has written past a view's end, the view is released ({@link SharedBytes#released}); when it
 * drops its backlog, the views beyond the drop are released too. Loop thread only; no allocation per view.
 */
final class SharedDeliveries {
    /**
     * What one queued view costs the budget besides the shared bytes: the read-only {@code ByteBuffer} duplicate
     * (about 56 bytes on a 64-bit JVM with compressed references) and its slots in the engine's queue and here,
     * with the slack of arrays that grow by doubling.
     */
    static final int VIEW_COST = 96;

    private static final long[] NO_ENDS = {};

    /** Empty until the first view: most connections of a mirror never get a broadcast backlog. */
    private long[] ends = NO_ENDS;
    private int[] lengths;
    private SharedBytes[] owners;
    private int head;
    private int size;
    /** Sum of the lengths of the views held. */
    private long bytes;

    int size() {
        return size;
    }

    /** Remembers a view of {@code length} bytes that ends at stream position {@code end}. */
    void add(long end, int length, SharedBytes owner) {
        if (size == ends.length) {
            grow();
        }
        int at = (head + size) & (ends.length - 1);
        ends[at] = end;
        lengths[at] = length;
        owners[at] = owner;
        size++;
        bytes += length;
    }

    /** The views' bytes still to be written, when the stream has been written up to {@code written}. */
    long pendingBytes(long written) {
        if (size == 0) {
            return 0;
        }
        long headStart = ends[head] - lengths[head];
        return bytes - Math.max(0, written - headStart);
    }

    /** Releases every view that ends at or before {@code written}; returns how many. */
    int releaseWritten(long written, IoLoop loop) {
        int released = 0;
        while (size > 0 && ends[head] <= written) {
            releaseHead(loop);
            released++;
        }
        shrinkIfEmpty();
        return released;
    }

    /** Releases every view that ends after {@code position} (the backlog was dropped there); returns how many. */
    int releaseAfter(long position, IoLoop loop) {
        int released = 0;
        while (size > 0) {
            int last = (head + size - 1) & (ends.length - 1);
            if (ends[last] <= position) {
                break;
            }
            bytes -= lengths[last];
            SharedBytes owner = owners[last];
            owners[last] = null;
            size--;
            owner.released(loop);
            released++;
        }
        shrinkIfEmpty();
        return released;
    }

    /** Releases every view (the connection is gone). */
    void releaseAll(IoLoop loop) {
        while (size > 0) {
            releaseHead(loop);
        }
        shrinkIfEmpty();
    }

    private void releaseHead(IoLoop loop) {
        SharedBytes owner = owners[head];
        owners[head] = null;
        bytes -= lengths[head];
        head = (head + 1) & (ends.length - 1);
        size--;
        owner.released(loop);
    }

    private void grow() {
        int capacity = Math.max(8, ends.length * 2);
        long[] newEnds = new long[capacity];
        int[] newLengths = new int[capacity];
        SharedBytes[] newOwners = new SharedBytes[capacity];
        for (int i = 0; i < size; i++) {
            int from = (head + i) & (ends.length - 1);
            newEnds[i] = ends[from];
            newLengths[i] = lengths[from];
            newOwners[i] = owners[from];
        }
        ends = newEnds;
        lengths = newLengths;
        owners = newOwners;
        head = 0;
    }

    /** Gives the arrays of a long backlog back once it is gone. */
    private void shrinkIfEmpty() {
        if (size == 0 && ends.length > 64) {
            ends = NO_ENDS;
            lengths = null;
            owners = null;
            head = 0;
        }
    }
}
