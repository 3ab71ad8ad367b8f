package org.campusmirror.ws.server.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The encoded bytes of one broadcast, counted once in the budget however many connections queue them: charged
 * when the broadcast is encoded, given back when the last connection has written or dropped its view. (Each
 * view costs the connection that queues it {@link SharedDeliveries#VIEW_COST} on top.)
 *
 * <p>Each loop counts its own holders in a slot only its thread touches; a loop whose slot falls to zero after
 * it has distributed the broadcast is done with it, and the last loop done gives the bytes back.
 */
final class SharedBytes {
    /** Ints between two loops' slots, so that two loops never write the same cache line. */
    private static final int SLOT_STRIDE = 16;

    private final long bytes;
    private final MemoryBudget budget;
    private final int[] holders;
    private final AtomicInteger loopsHolding;

    /**
     * @param bytes  the encoded bytes, already charged to {@code budget} by the caller
     * @param loops  how many loops will each {@link #distributed} it (or report {@link #loopDone} instead)
     * @param slots  the number of loop slots (the server's loop count)
     */
    SharedBytes(long bytes, MemoryBudget budget, int loops, int slots) {
        this.bytes = bytes;
        this.budget = budget;
        this.holders = new int[slots * SLOT_STRIDE];
        this.loopsHolding = new AtomicInteger(loops);
    }

    /** A connection of {@code loop} queued a view. Loop thread. */
    void held(IoLoop loop) {
        holders[loop.index() * SLOT_STRIDE]++;
    }

    /** A connection of {@code loop} wrote or dropped its view. Loop thread. */
    void released(IoLoop loop) {
        if (--holders[loop.index() * SLOT_STRIDE] == 0) {
            loopDone();
        }
    }

    /** {@code loop} has offered the broadcast to all its connections. Loop thread. */
    void distributed(IoLoop loop) {
        if (holders[loop.index() * SLOT_STRIDE] == 0) {
            loopDone();
        }
    }

    /** A loop is done with the broadcast (also for a loop that ended before it could take it). */
    void loopDone() {
        if (loopsHolding.decrementAndGet() == 0) {
            budget.release(bytes);
        }
    }
}
