package org.campusmirror.mirror.runtime.internal.widgets;

import java.time.Duration;
import java.time.Instant;

import org.campusmirror.mirror.runtime.internal.display.TileState;

/**
 * What the console shows of one widget.
 *
 * @param descriptor   where and how often it shows
 * @param bundle       the symbolic name of the bundle that provides it
 * @param state        the tile's state
 * @param error        the message on the tile, or null
 * @param dataAsOf     when its data was current, or null
 * @param fromCache    whether the data shown came from the offline cache
 * @param lastRefresh  when its last refresh ended, or null
 * @param lastSuccess  when its last refresh brought data, or null
 * @param lastError    its last failure, or null (kept after it recovered)
 * @param lastErrorAt  when that was, or null
 * @param runningSince when a refresh still running past its timeout started, or null
 * @param activated    false for a component whose configuration failed to activate
 */
public record WidgetStatus(WidgetDescriptor descriptor, String bundle, TileState state, String error, Instant dataAsOf,
        boolean fromCache, Instant lastRefresh, Instant lastSuccess, String lastError, Instant lastErrorAt,
        Instant runningSince, boolean activated) {

    public String id() {
        return descriptor.id();
    }

    public Duration interval() {
        return descriptor.interval();
    }
}
