package org.campusmirror.ws.server.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.campusmirror.ws.protocol.ByteBudget;

/**
 * The server's one byte budget: every connection's queued outbound bytes and every partial inbound message
 * (inflated bytes included) draw from it, on every loop. Three marks decide what the server does as it fills:
 * <ul>
 * <li>above {@link #pressureMark()} (half): broadcasts skip the connections whose backlog is over their fair
 *     share ({@link #fairShare(int)}), the slowest consumers;</li>
 * <li>above {@link #shedMark()} (three quarters): the loops close their slowest consumers with 1013 and drop
 *     their backlog, until the budget is back under the pressure mark;</li>
 * <li>at {@link #limit()}: nothing new is queued: broadcasts are dropped, and an inbound message that needs
 *     more is refused with 1013 ({@link #tryAcquire}).</li>
 * </ul>
 * Output already produced (a handler's reply, bytes a wire keeps) is charged with {@link #acquire}, which
 * never refuses: the marks below the limit leave room for it, and shedding gives it back.
 */
final class MemoryBudget implements ByteBudget {
    /** A budget that never refuses and never sheds (clients). */
    static final MemoryBudget UNLIMITED = new MemoryBudget(Long.MAX_VALUE);

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    MemoryBudget(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("a memory budget must be positive: " + limit);
        }
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    long used() {
        return used.get();
    }

    long pressureMark() {
        return limit / 2;
    }

    long shedMark() {
        return limit - limit / 4;
    }

    /** What one of {@code connections} may hold before it counts as slow under pressure. */
    long fairShare(int connections) {
        return limit / Math.max(1, connections);
    }

    @Override
    public boolean tryAcquire(long bytes) {
        if (limit == Long.MAX_VALUE) {
            return true;
        }
        long now;
        do {
            now = used.get();
            if (now + bytes > limit) {
                return false;
            }
        } while (!used.compareAndSet(now, now + bytes));
        return true;
    }

    /** Charges bytes that exist already (negative: gives them back). */
    void acquire(long bytes) {
        if (limit != Long.MAX_VALUE && bytes != 0) {
            used.addAndGet(bytes);
        }
    }

    @Override
    public void release(long bytes) {
        acquire(-bytes);
    }
}
