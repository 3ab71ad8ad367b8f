package org.campusmirror.mirror.runtime.internal.layout;

import org.campusmirror.mirror.runtime.internal.display.DisplayModel;
import org.campusmirror.mirror.runtime.internal.timing.Timer;

/**
 * Moves the display from page to page: by itself when the layout rotates and the page's time is up, or by
 * {@link #step} (buttons). Every move restarts the timer of the page now shown. Nothing rotates while the display
 * sleeps, with one page, or on a page shown "until a button moves on" (0 s). Thread-safe.
 */
public final class PageRotation {
    private final Timer timer;
    private final DisplayModel model;
    private Timer.Cancellable pending;

    public PageRotation(Timer timer, DisplayModel model) {
        this.timer = timer;
        this.model = model;
    }

    /** Shows the page {@code steps} after the current one (negative: before), wrapping around. */
    public synchronized void step(int steps) {
        Layout layout = model.layout();
        model.showPage(layout.pageAfter(model.page(), steps).name());
        restart();
    }

    /** Starts the current page's time again (after a move, a layout change, waking up). */
    public synchronized void restart() {
        stop();
        Layout layout = model.layout();
        if (!layout.rotate() || layout.pages().size() < 2 || model.asleep()) {
            return;
        }
        layout.page(model.page()).filter(page -> !page.showFor().isZero())
                .ifPresent(page -> pending = timer.schedule(this::timeUp, page.showFor()));
    }

    public synchronized void stop() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    private synchronized void timeUp() {
        pending = null;
        step(1);
    }
}
