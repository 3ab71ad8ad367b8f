package org.campusmirror.ws.autobahn;

import java.util.PriorityQueue;

/** The peer's timers (autobahn's {@code reactor.callLater}) on whatever clock the driver keeps. */
final class Timers {
    private record Timer(long dueNanos, long sequence, Runnable action) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(dueNanos, other.dueNanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    /** Cancels a scheduled timer. */
    interface Handle {
        void cancel();
    }

    private final PriorityQueue<Timer> queue = new PriorityQueue<>();
    private long sequence;

    Handle schedule(long dueNanos, Runnable action) {
        boolean[] cancelled = {false};
        queue.add(new Timer(dueNanos, sequence++, () -> {
            if (!cancelled[0]) {
                action.run();
            }
        }));
        return () -> cancelled[0] = true;
    }

    /** The due time of the earliest timer, or {@link Long#MAX_VALUE} when none. */
    long nextDue() {
        Timer first = queue.peek();
        return first == null ? Long.MAX_VALUE : first.dueNanos;
    }

    /** Runs one timer due at or before {@code nowNanos}; false when none is due. */
    boolean runOneDue(long nowNanos) {
        Timer first = queue.peek();
        if (first == null || first.dueNanos > nowNanos) {
            return false;
        }
        queue.poll().action.run();
        return true;
    }
}
