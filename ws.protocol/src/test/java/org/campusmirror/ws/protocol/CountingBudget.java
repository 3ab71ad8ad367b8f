package org.campusmirror.ws.protocol;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ByteBudget} for tests: counts what is taken, refuses beyond its limit, remembers the peak, and fails
 * the test when more is given back than was taken or a request is negative. Shared with ws.deflate's tests.
 */
public final class CountingBudget implements ByteBudget {
    private final long limit;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    public CountingBudget(long limit) {
        this.limit = limit;
    }

    /** Bytes taken and not given back. */
    public long used() {
        return used.get();
    }

    /** The most ever taken at once. */
    public long peak() {
        return peak.get();
    }

    @Override
    public boolean tryAcquire(long bytes) {
        if (bytes < 0) {
            throw new AssertionError("negative request: " + bytes);
        }
        if (used.get() + bytes > limit) {
            return false;
        }
        peak.accumulateAndGet(used.addAndGet(bytes), Math::max);
        return true;
    }

    @Override
    public void release(long bytes) {
        if (used.addAndGet(-bytes) < 0) {
            throw new AssertionError("gave back more than was taken: " + used);
        }
    }
}
