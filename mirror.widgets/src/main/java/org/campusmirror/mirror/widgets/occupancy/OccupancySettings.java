package org.campusmirror.mirror.widgets.occupancy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.common.SettingChecks;
import org.campusmirror.mirror.widgets.common.TileSettings;

import com.fasterxml.jackson.core.JsonPointer;

/** An occupancy configuration, checked; every message names the setting (and the area). */
record OccupancySettings(URI url, List<Area> areas, boolean valueIsFree, int busyPercent, int fullPercent) {
    static final int MAX_AREAS = 20;

    static OccupancySettings of(OccupancyWidget.Config config) throws WidgetConfigurationException {
        TileSettings.check(config.widget_title(), config.widget_region(), config.widget_page(),
                config.widget_refresh_seconds());
        URI url = SettingChecks.url("occupancy.url", config.occupancy_url());
        List<String> entries = SettingChecks.entries(config.occupancy_areas());
        if (entries.isEmpty()) {
            throw new WidgetConfigurationException("occupancy.areas: give at least one area as "
                    + "'name | /pointer/to/value | /pointer/to/capacity or a number'");
        }
        if (entries.size() > MAX_AREAS) {
            throw new WidgetConfigurationException("occupancy.areas: " + entries.size() + " areas; at most "
                    + MAX_AREAS);
        }
        List<Area> areas = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            areas.add(area(i + 1, entries.get(i)));
        }
        String kind = config.occupancy_value() == null ? "" : config.occupancy_value().strip();
        if (!kind.equals("occupied") && !kind.equals("free")) {
            throw new WidgetConfigurationException("occupancy.value: '" + kind + "' is neither occupied nor free");
        }
        int busy = (int) SettingChecks.range("occupancy.busy.percent", config.occupancy_busy_percent(), 1, 100);
        int full = (int) SettingChecks.range("occupancy.full.percent", config.occupancy_full_percent(), 1, 100);
        if (busy > full) {
            throw new WidgetConfigurationException("occupancy.busy.percent: " + busy
                    + " is above occupancy.full.percent " + full);
        }
        return new OccupancySettings(url, List.copyOf(areas), kind.equals("free"), busy, full);
    }

    static Area area(int index, String entry) throws WidgetConfigurationException {
        String setting = "occupancy.areas[" + index + "]";
        String[] parts = entry.split("\\|", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new WidgetConfigurationException(setting + ": '" + entry + "' is not 'name | /pointer/to/value' "
                    + "or 'name | /pointer/to/value | capacity'");
        }
        String name = parts[0].strip();
        if (name.isEmpty() || name.length() > 80) {
            throw new WidgetConfigurationException(setting + ": the name must have 1 to 80 characters");
        }
        JsonPointer value = pointer(setting, parts[1].strip());
        JsonPointer capacity = null;
        Double fixed = null;
        if (parts.length == 3 && !parts[2].isBlank()) {
            String text = parts[2].strip();
            if (text.startsWith("/")) {
                capacity = pointer(setting, text);
            } else {
                try {
                    fixed = Double.valueOf(text.replace(',', '.'));
                } catch (NumberFormatException e) {
                    throw new WidgetConfigurationException(setting + ": capacity '" + text
                            + "' is neither a JSON Pointer (starting with /) nor a number");
                }
                if (!(fixed > 0) || fixed.isInfinite()) {
                    throw new WidgetConfigurationException(setting + ": capacity " + text + " must be above 0");
                }
            }
        }
        return new Area(index, name, value, capacity, fixed);
    }

    private static JsonPointer pointer(String setting, String text) throws WidgetConfigurationException {
        if (!text.startsWith("/")) {
            throw new WidgetConfigurationException(setting + ": '" + text
                    + "' is not a JSON Pointer (RFC 6901): it starts with /, e.g. /areas/0/free");
        }
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw new WidgetConfigurationException(setting + ": '" + text + "' is not a JSON Pointer (RFC 6901): "
                    + e.getMessage());
        }
    }
}
