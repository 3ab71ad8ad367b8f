package org.campusmirror.mirror.runtime.internal.input;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.campusmirror.mirror.runtime.MirrorActions;

/**
 * Whether somebody is in front of the mirror, and so whether the display sleeps. Motion and presses are activity;
 * after the inactivity time without any (only with a motion sensor) the display sleeps. An off-time puts it to sleep
 * at its start and wakes it at its end; during one, motion does not wake it (unless configured to), a press does,
 * and then the display sleeps again after the off-time wake time without activity. A press on a sleeping display
 * only wakes it, unless it is a sleep or wake button.
 *
 * <p>One task is scheduled at a time, for the earliest of: the inactivity deadline, the next off-time change, and a
 * check every {@link #RECHECK} (the wall clock of a Pi without a real-time clock jumps when NTP sets it). Motion only
 * moves the time of last activity; the task re-arms itself when it finds that. Runs on the input thread.
 */
final class Presence {
    static final Duration RECHECK = Duration.ofMinutes(15);

    /** What the schedule configuration sets. */
    record Settings(OffSchedule schedule, boolean motionWakesInOffTime, Duration offTimeWake) {
    }

    private final MirrorActions actions;
    private final InputClock clock;

    private Settings settings;
    private Duration inactivity;
    private boolean inOffTime;
    private boolean seenAsleep;
    private boolean motionHeld;
    private long lastActivityNanos;
    private InputClock.Cancellable task;
    private long taskDueNanos;

    Presence(MirrorActions actions, InputClock clock, Settings settings) {
        this.actions = actions;
        this.clock = clock;
        this.settings = settings;
    }

    /** Takes the display's state as it is and applies an off-time that is on now. */
    void start() {
        lastActivityNanos = clock.nanoTime();
        seenAsleep = actions.asleep();
        evaluate();
    }

    /** New schedule settings: an off-time that begins or ends by it takes effect now. */
    void configure(Settings newSettings) {
        settings = newSettings;
        evaluate();
    }

    /** A motion sensor with this inactivity time is there ({@code null}: none is, and inactivity never sleeps). */
    void motionSensor(Duration inactivityTime) {
        inactivity = inactivityTime;
        motionHeld = false;
        lastActivityNanos = clock.nanoTime();
        evaluate();
    }

    /**
     * The motion sensor's output changed. Going active is a trigger: it wakes the display, except in an off-time
     * (unless configured to), where it only keeps a display that a press woke awake. While the output stays active
     * (a PIR holds it as long as it sees movement) nobody is idle; going inactive counts as the last activity.
     */
    void motion(boolean active) {
        followOffTime();
        motionHeld = active;
        boolean asleep = actions.asleep();
        if (!active || (asleep && inOffTime && !settings.motionWakesInOffTime())) {
            if (!asleep) {
                activity();
                armIdleDeadline();
            }
            return;
        }
        activity();
        if (asleep) {
            actions.wake();
        }
        armIdleDeadline();
    }

    /** A button was pressed: the press's action, or only a wake when the display sleeps. */
    void pressed(ButtonAction action, String actionName) {
        followOffTime();
        activity();
        if (actions.asleep() && !action.switchesSleep()) {
            actions.wake();
        } else {
            action.perform(actions, actionName);
        }
        armIdleDeadline();
    }

    private void activity() {
        lastActivityNanos = clock.nanoTime();
    }

    private void evaluate() {
        followOffTime();
        boolean asleep = actions.asleep();
        if (seenAsleep && !asleep) {
            activity(); // woken from elsewhere (the console): count from now
        }
        seenAsleep = asleep;
        if (motionHeld) {
            activity();
        }
        Duration idleLimit = idleLimit();
        if (idleLimit != null && !asleep && clock.nanoTime() - lastActivityNanos >= idleLimit.toNanos()) {
            actions.sleep();
            seenAsleep = true;
        }
        armNext();
    }

    /** Sleeps when an off-time has begun since the last look, wakes when one has ended. */
    private void followOffTime() {
        boolean off = settings.schedule().isOff(clock.now());
        if (off == inOffTime) {
            return;
        }
        inOffTime = off;
        if (off) {
            actions.sleep();
        } else {
            actions.wake();
            activity();
        }
    }

    private Duration idleLimit() {
        return inOffTime ? settings.offTimeWake() : inactivity;
    }

    private void armIdleDeadline() {
        seenAsleep = actions.asleep();
        Duration idleLimit = idleLimit();
        if (idleLimit != null && !seenAsleep) {
            armAt(lastActivityNanos + idleLimit.toNanos());
        }
    }

    private void armNext() {
        long now = clock.nanoTime();
        long due = Long.MAX_VALUE;
        Duration idleLimit = idleLimit();
        if (idleLimit != null && !seenAsleep) {
            due = lastActivityNanos + idleLimit.toNanos();
        }
        if (!settings.schedule().isEmpty()) {
            Instant wallNow = clock.now();
            Optional<Instant> change = settings.schedule().nextChange(wallNow);
            long untilChange = change.map(at -> Duration.between(wallNow, at).toNanos()).orElse(Long.MAX_VALUE);
            due = Math.min(due, now + Math.min(untilChange, RECHECK.toNanos()));
        } else if (idleLimit != null && seenAsleep) {
            due = Math.min(due, now + RECHECK.toNanos()); // notice a wake from the console
        }
        cancelTask();
        if (due != Long.MAX_VALUE) {
            schedule(due);
        }
    }

    /** Makes sure the task runs by {@code dueNanos}; a task already due earlier re-arms itself when it runs. */
    private void armAt(long dueNanos) {
        if (task != null && taskDueNanos <= dueNanos) {
            return;
        }
        cancelTask();
        schedule(dueNanos);
    }

    private void schedule(long dueNanos) {
        taskDueNanos = dueNanos;
        task = clock.schedule(() -> {
            task = null;
            evaluate();
        }, Duration.ofNanos(Math.max(0, dueNanos - clock.nanoTime())));
    }

    private void cancelTask() {
        if (task != null) {
            task.cancel();
            task = null;
        }
    }
}
