package org.campusmirror.mirror.widgets.common;

import java.net.URI;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.http.HttpUrls;
import org.campusmirror.mirror.widgets.http.UnsupportedUrlException;

/** Checks of single settings; every message starts with the setting's name. */
public final class SettingChecks {
    private SettingChecks() {
    }

    /** An http or https URL, without credentials. */
    public static URI url(String setting, String text) throws WidgetConfigurationException {
        try {
            return HttpUrls.parse(text);
        } catch (UnsupportedUrlException e) {
            throw new WidgetConfigurationException(setting + ": " + e.getMessage());
        }
    }

    /** A base URL: as {@link #url}, without a trailing slash, so paths can be appended. */
    public static String baseUrl(String setting, String text) throws WidgetConfigurationException {
        String base = url(setting, text).toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base;
    }

    public static long range(String setting, long value, long min, long max) throws WidgetConfigurationException {
        if (value < min || value > max) {
            throw new WidgetConfigurationException(setting + ": " + value + " is out of range; use " + min + " to "
                    + max);
        }
        return value;
    }

    public static double range(String setting, double value, double min, double max)
            throws WidgetConfigurationException {
        if (!(value >= min && value <= max)) {
            throw new WidgetConfigurationException(setting + ": " + value + " is out of range; use " + min + " to "
                    + max);
        }
        return value;
    }

    /** A time of day such as {@code 16:00}. */
    public static LocalTime timeOfDay(String setting, String text) throws WidgetConfigurationException {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw new WidgetConfigurationException(setting + ": '" + text + "' is not a time of day like 16:00");
        }
    }

    /** The entries, stripped, blank ones dropped; null gives an empty list. */
    public static List<String> entries(String[] values) {
        List<String> kept = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value != null && !value.isBlank()) {
                    kept.add(value.strip());
                }
            }
        }
        return List.copyOf(kept);
    }

    /** Text that must not be empty. */
    public static String required(String setting, String text) throws WidgetConfigurationException {
        if (text == null || text.isBlank()) {
            throw new WidgetConfigurationException(setting + ": required, but empty");
        }
        return text.strip();
    }
}
