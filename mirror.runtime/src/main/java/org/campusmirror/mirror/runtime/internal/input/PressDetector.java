package org.campusmirror.mirror.runtime.internal.input;

import java.time.Duration;

/**
 * Tells short presses from long ones, from debounced levels. With a long-press action, a press that is still held
 * when the threshold passes is long, and fires then, while the button is down (so the user feels when to let go);
 * its release does nothing more. A press released before the threshold is short and fires on release. Without a
 * long-press action, every press is short and fires at once, on press. Runs on the input thread.
 */
final class PressDetector {

    /** What a press turned out to be. */
    interface Listener {
        void shortPress();

        void longPress();
    }

    private final Duration longPressAfter;
    private final boolean longPressMatters;
    private final InputClock clock;
    private final Listener listener;

    private boolean down;
    private boolean longFired;
    private InputClock.Cancellable longTimer;

    PressDetector(Duration longPressAfter, boolean longPressMatters, InputClock clock, Listener listener) {
        this.longPressAfter = longPressAfter;
        this.longPressMatters = longPressMatters;
        this.clock = clock;
        this.listener = listener;
    }

    /** A debounced level: true when the button went down, false when it came up. */
    void level(boolean pressed) {
        if (pressed == down) {
            return;
        }
        down = pressed;
        if (pressed) {
            if (!longPressMatters) {
                listener.shortPress();
                return;
            }
            longFired = false;
            longTimer = clock.schedule(this::heldLong, longPressAfter);
        } else if (longPressMatters) {
            cancel();
            if (!longFired) {
                listener.shortPress();
            }
        }
    }

    private void heldLong() {
        longTimer = null;
        if (down) {
            longFired = true;
            listener.longPress();
        }
    }

    /** Drops a pending long-press timer: the button is being closed. */
    void cancel() {
        if (longTimer != null) {
            longTimer.cancel();
            longTimer = null;
        }
    }
}
