package org.campusmirror.mirror.widget;

import java.util.Locale;

/**
 * The regions of the display, the ones MagicMirror users know. The {@link #id()} is what the page carries in
 * {@code data-region} and what configurations use ({@code top_left}); {@link #parse} also takes the enum name.
 */
public enum Region {
    TOP_BAR, TOP_LEFT, TOP_CENTER, TOP_RIGHT, UPPER_THIRD, MIDDLE_CENTER, LOWER_THIRD,
    BOTTOM_LEFT, BOTTOM_CENTER, BOTTOM_RIGHT, BOTTOM_BAR, FULLSCREEN_ABOVE, FULLSCREEN_BELOW;

    /** The region's id on the page and in configurations, e.g. {@code top_left}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The region for an id ({@code top_left}) or enum name ({@code TOP_LEFT}), ignoring case and surrounding
     * blanks.
     *
     * @throws IllegalArgumentException naming the valid ids
     */
    public static Region parse(String text) {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Region region : values()) {
            if (region.name().equals(key)) {
                return region;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (Region region : values()) {
            valid.append(valid.length() == 0 ? "" : ", ").append(region.id());
        }
        throw new IllegalArgumentException("unknown region '" + text + "'; use one of " + valid);
    }
}
