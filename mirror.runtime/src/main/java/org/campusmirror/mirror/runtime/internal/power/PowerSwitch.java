package org.campusmirror.mirror.runtime.internal.power;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Hands panel switches to one thread and never blocks the caller. Requests that come while a command runs are
 * coalesced: only the last one is carried out, so rapid toggling ends in the state asked for last, after at most one
 * more command. A request for the state the last successful command set runs nothing.
 */
final class PowerSwitch {
    private final Executor executor;
    private final Predicate<Boolean> apply;
    private final AtomicReference<Boolean> wanted = new AtomicReference<>();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private Boolean applied; // only touched on the executor's thread

    /**
     * @param executor runs one task at a time
     * @param apply    switches the panel on ({@code true}) or off; returns whether that worked
     */
    PowerSwitch(Executor executor, Predicate<Boolean> apply) {
        this.executor = executor;
        this.apply = apply;
    }

    void set(boolean on) {
        wanted.set(on);
        if (drainQueued.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        drainQueued.set(false); // before taking the request: one that comes later queues another drain
        Boolean target = wanted.getAndSet(null);
        if (target == null || target.equals(applied)) {
            return;
        }
        applied = apply.test(target) ? target : null;
    }
}
