package org.campusmirror.mirror.widgets.common;

import org.campusmirror.mirror.widget.Region;
import org.campusmirror.mirror.widget.WidgetConfigurationException;

/**
 * Checks the settings every widget has ({@code widget.title}, {@code widget.region}, {@code widget.page},
 * {@code widget.refresh.seconds}), so a wrong value gives the tile and the console a message naming the setting.
 */
public final class TileSettings {
    /** Longer titles do not fit a tile read from two metres. */
    public static final int MAX_TITLE = 80;
    public static final long MIN_REFRESH_SECONDS = 1;
    public static final long MAX_REFRESH_SECONDS = 7 * 24 * 3600;

    private TileSettings() {
    }

    public static void check(String title, String region, String[] pages, long refreshSeconds)
            throws WidgetConfigurationException {
        if (title != null && title.length() > MAX_TITLE) {
            throw new WidgetConfigurationException("widget.title: " + title.length() + " characters; at most "
                    + MAX_TITLE);
        }
        try {
            Region.parse(region);
        } catch (IllegalArgumentException e) {
            throw new WidgetConfigurationException("widget.region: " + e.getMessage());
        }
        if (pages != null) {
            for (String page : pages) {
                if (page == null || page.isBlank()) {
                    throw new WidgetConfigurationException("widget.page: an entry is empty; name a page or use *");
                }
            }
        }
        if (refreshSeconds < MIN_REFRESH_SECONDS || refreshSeconds > MAX_REFRESH_SECONDS) {
            throw new WidgetConfigurationException("widget.refresh.seconds: " + refreshSeconds
                    + " is out of range; use " + MIN_REFRESH_SECONDS + " to " + MAX_REFRESH_SECONDS);
        }
    }
}
