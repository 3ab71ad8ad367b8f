package org.campusmirror.mirror.runtime.internal.display;

import java.util.List;

import org.campusmirror.mirror.runtime.internal.alerts.Alert;
import org.campusmirror.mirror.runtime.internal.layout.Layout;

/** One change of what the displays show, numbered in the order it happened ({@link #seq()}). */
public sealed interface DisplayChange {
    long seq();

    /** A tile appeared or changed. */
    record TileChanged(long seq, Tile tile) implements DisplayChange {
    }

    /** A tile went away (its widget was removed). */
    record TileRemoved(long seq, String id) implements DisplayChange {
    }

    /** Another page shows. */
    record PageChanged(long seq, String page) implements DisplayChange {
    }

    /** The display went to sleep (blank) or woke up. */
    record SleepChanged(long seq, boolean asleep) implements DisplayChange {
    }

    /** The alerts now shown (all of them: there are few). */
    record AlertsChanged(long seq, List<Alert> alerts) implements DisplayChange {
    }

    /** Pages, locale or time zone changed; {@code page} is the page shown now. */
    record LayoutChanged(long seq, Layout layout, String page) implements DisplayChange {
    }
}
