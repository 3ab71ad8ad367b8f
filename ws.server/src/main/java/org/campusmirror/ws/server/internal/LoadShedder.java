package org.campusmirror.ws.server.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Closes the slowest consumers of one loop when skipping broadcasts is not enough, at the end of each of its
 * turns (see {@link MemoryBudget} for the marks):
 * <ul>
 * <li>Memory: above the shed mark, the connections with the largest backlog are shed ({@link Session#shed()}:
 *     backlog dropped, 1013) until this loop's share of the excess over the pressure mark is freed.</li>
 * <li>Time: when at least {@link #OVERLOAD_SKIP_PERCENT}% of the broadcast deliveries of this loop were skipped
 *     in each of two windows of {@link #WINDOW_NANOS} in a row (one alone is a burst), the server cannot deliver
 *     what is asked of it (often the CPU is the limit: a loop turn queues more than it writes), so a tenth (at
 *     least one) of the connections that missed broadcasts in the last window are shed, those that missed most
 *     first;
 *     again each window while it lasts. A connection that misses broadcasts is out of date anyway; 1013 tells
 *     it to come back later for a fresh start. Load that grows with the square of the connections (each one
 *     publishing to all) settles within a few windows, and the connections that stay are served in full rather
 *     than all of them in part.</li>
 * </ul>
 * Loop thread only.
 */
final class LoadShedder {
    static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Below this share of skipped deliveries in a window, skipping is a passing burst, not overload. */
    static final int OVERLOAD_SKIP_PERCENT = 1;
    /** A connection holding less than this is not worth closing to free memory. */
    private static final long MIN_BACKLOG = 1024;

    private final IoLoop loop;
    private final MemoryBudget budget;
    private final Counters counters;
    private final int loopCount;
    private long windowStart;
    private long skippedInWindow;
    private long deliveredInWindow;
    private boolean overloadedLastWindow;
    private int shedInWindow;
    private long freedInWindow;

    LoadShedder(IoLoop loop, MemoryBudget budget, Counters counters, int loopCount) {
        this.loop = loop;
        this.budget = budget;
        this.counters = counters;
        this.loopCount = loopCount;
        this.windowStart = loop.now();
    }

    /** A broadcast was queued on {@code count} connections of this loop. */
    void delivered(int count) {
        deliveredInWindow += count;
    }

    /** A broadcast to {@code session}, a slow consumer of this loop, was skipped for lack of memory. */
    void skipped(Session session) {
        skippedInWindow++;
        session.skipsInWindow++;
    }

    void turnEnded() {
        long used = budget.used();
        if (used > budget.shedMark()) {
            shedUntilFreed((used - budget.pressureMark()) / loopCount);
        }
        long now = loop.now();
        if (now - windowStart < WINDOW_NANOS) {
            return;
        }
        boolean overloaded = skippedInWindow > 0
                && skippedInWindow * 100 >= (skippedInWindow + deliveredInWindow) * OVERLOAD_SKIP_PERCENT;
        if (overloaded && overloadedLastWindow) {
            shedSlowestTenth();
        }
        overloadedLastWindow = overloaded;
        if (skippedInWindow > 0) {
            loop.forEachSession(session -> session.skipsInWindow = 0);
        }
        if (shedInWindow > 0) {
            IoLoop.LOG.info("{}: shed {} slowest connection(s) with 1013 in {} ms, freeing {} KiB (memory budget "
                    + "{} of {} KiB used, {} broadcast deliveries skipped)", loop.name(), shedInWindow,
                    TimeUnit.NANOSECONDS.toMillis(now - windowStart), freedInWindow >> 10, budget.used() >> 10,
                    budget.limit() >> 10, skippedInWindow);
        }
        windowStart = now;
        skippedInWindow = 0;
        deliveredInWindow = 0;
        shedInWindow = 0;
        freedInWindow = 0;
    }

    /** Over the shed mark: the largest backlogs go first, until {@code bytes} are freed. */
    private void shedUntilFreed(long bytes) {
        List<Session> candidates = candidates(Math.max(MIN_BACKLOG, budget.fairShare(counters.open.get()) / 4));
        long freed = 0;
        for (int i = 0; i < candidates.size() && freed < bytes; i++) {
            freed += shed(candidates.get(i));
        }
    }

    /** Broadcasts were skipped this window: a tenth (at least one) of those that missed them, most missed first. */
    private void shedSlowestTenth() {
        List<Session> missed = new ArrayList<>();
        loop.forEachSession(session -> {
            if (session.skipsInWindow > 0 && session instanceof ServerSession && session.sheddable()) {
                missed.add(session);
            }
        });
        missed.sort(Comparator.comparingInt((Session s) -> s.skipsInWindow).thenComparingLong(Session::backlog)
                .reversed());
        int count = Math.max(1, missed.size() / 10);
        for (int i = 0; i < missed.size() && i < count; i++) {
            shed(missed.get(i));
        }
    }

    /** This loop's open server connections with a backlog of at least {@code minimum}, largest first. */
    private List<Session> candidates(long minimum) {
        List<Session> candidates = new ArrayList<>();
        loop.forEachSession(session -> {
            if (session instanceof ServerSession && session.sheddable() && session.backlog() >= minimum) {
                candidates.add(session);
            }
        });
        candidates.sort(Comparator.comparingLong(Session::backlog).reversed());
        return candidates;
    }

    private long shed(Session session) {
        long freed = Math.max(0, session.shed());
        shedInWindow++;
        freedInWindow += freed;
        return freed;
    }
}
