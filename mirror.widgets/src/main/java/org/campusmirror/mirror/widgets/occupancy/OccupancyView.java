package org.campusmirror.mirror.widgets.occupancy;

import java.util.List;

/**
 * What the occupancy tile shows: a bar per area.
 *
 * @param areas in the configured order
 */
public record OccupancyView(List<AreaView> areas) {

    public enum Level {
        /** Below the busy threshold. */
        FREE,
        /** At or above the busy threshold. */
        BUSY,
        /** At or above the full threshold. */
        FULL,
        /** No capacity known: no bar, only the count. */
        UNKNOWN
    }

    /**
     * @param name     the configured name
     * @param occupied places taken
     * @param capacity places in all, or null
     * @param free     places free, or null without capacity
     * @param percent  occupied share of the capacity, 0-100, or null
     * @param level    which colour the bar gets
     */
    public record AreaView(String name, long occupied, Long capacity, Long free, Integer percent, Level level) {
    }
}
