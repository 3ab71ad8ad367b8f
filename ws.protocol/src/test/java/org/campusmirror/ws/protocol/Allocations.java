package org.campusmirror.ws.protocol;

import java.lang.management.ManagementFactory;

/** Measures heap bytes the current thread allocates while running a piece of code (HotSpot's counter). */
final class Allocations {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private Allocations() {
    }

    static long measure(Action action) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        action.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
