package org.campusmirror.mirror.runtime.internal.widgets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.campusmirror.mirror.runtime.internal.json.ViewModelJson;
import org.campusmirror.mirror.widget.Region;
import org.campusmirror.mirror.widget.WidgetKind;
import org.campusmirror.mirror.widget.WidgetPage;
import org.campusmirror.mirror.widget.WidgetRefreshSeconds;
import org.campusmirror.mirror.widget.WidgetRegion;
import org.campusmirror.mirror.widget.WidgetTitle;

/**
 * Where and how often a widget shows, read from its service properties (the typed widget properties, which a
 * configuration overrides). A value that cannot be used is named in {@link #problems()}: the tile then shows that
 * message as an error, in {@link Region#MIDDLE_CENTER} when the region is the problem (or not given).
 *
 * @param rawId    the PID or component name the id comes from
 * @param id       the sanitized id ({@link WidgetIds})
 * @param kind     the widget kind, or {@value #UNKNOWN_KIND} when missing or malformed
 * @param title    the tile's title, possibly empty
 * @param region   where the tile shows
 * @param pages    the pages it shows on; empty for every page
 * @param interval time between refreshes, within the runtime's bounds
 * @param problems what is wrong with the properties, in words for an admin
 */
public record WidgetDescriptor(String rawId, String id, String kind, String title, Region region, List<String> pages,
        Duration interval, List<String> problems) {
    public static final String UNKNOWN_KIND = "unknown";
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    public static final Duration MAX_INTERVAL = Duration.ofDays(1);
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    static final int MAX_TITLE = 120;
    private static final Pattern KIND = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public WidgetDescriptor {
        pages = List.copyOf(pages);
        problems = List.copyOf(problems);
    }

    /** Reads the service properties of a widget service or of a component's configuration. */
    public static WidgetDescriptor of(Map<String, ?> properties) {
        List<String> problems = new ArrayList<>();
        String rawId = rawId(properties);
        return new WidgetDescriptor(rawId, WidgetIds.sanitize(rawId), kind(properties.get(WidgetKind.NAME), problems),
                title(properties.get(WidgetTitle.NAME)), region(properties.get(WidgetRegion.NAME), problems),
                pages(properties.get(WidgetPage.NAME)), interval(properties.get(WidgetRefreshSeconds.NAME), problems),
                problems);
    }

    /** The same widget under another id (when two widgets would share one). */
    public WidgetDescriptor withId(String newId) {
        return new WidgetDescriptor(rawId, newId, kind, title, region, pages, interval, problems);
    }

    static String rawId(Map<String, ?> properties) {
        Object pid = properties.get("service.pid");
        if (pid instanceof String[] several && several.length > 0) {
            pid = several[0];
        } else if (pid instanceof Collection<?> several && !several.isEmpty()) {
            pid = several.iterator().next();
        }
        if (pid instanceof String text && !text.isBlank()) {
            return text;
        }
        Object name = properties.get("component.name");
        if (name instanceof String text && !text.isBlank()) {
            return text;
        }
        return "service-" + properties.get("service.id");
    }

    private static String kind(Object value, List<String> problems) {
        String text = value == null ? "" : String.valueOf(value).strip();
        if (KIND.matcher(text).matches()) {
            return text;
        }
        problems.add(text.isEmpty() ? "the widget declares no " + WidgetKind.NAME
                : WidgetKind.NAME + " '" + text + "' is not 1-40 lower-case letters, digits and dashes");
        return UNKNOWN_KIND;
    }

    private static String title(Object value) {
        if (value == null) {
            return "";
        }
        String text = ViewModelJson.wellFormed(String.valueOf(value).strip());
        return text.length() > MAX_TITLE ? text.substring(0, MAX_TITLE - 1) + "…" : text;
    }

    private static Region region(Object value, List<String> problems) {
        if (value == null) {
            return Region.MIDDLE_CENTER;
        }
        try {
            return Region.parse(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            problems.add(WidgetRegion.NAME + ": " + e.getMessage());
            return Region.MIDDLE_CENTER;
        }
    }

    private static List<String> pages(Object value) {
        List<String> pages = new ArrayList<>();
        if (value instanceof String[] array) {
            pages.addAll(List.of(array));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(page -> pages.add(String.valueOf(page)));
        } else if (value != null) {
            // A console text field holds "main, transport" as one string.
            pages.addAll(List.of(String.valueOf(value).split(",")));
        }
        List<String> names = pages.stream().map(String::strip).filter(page -> !page.isEmpty()).distinct().toList();
        return names.contains(WidgetPage.EVERY_PAGE) ? List.of() : names;
    }

    private static Duration interval(Object value, List<String> problems) {
        if (value == null) {
            return DEFAULT_INTERVAL;
        }
        long seconds;
        try {
            seconds = value instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            problems.add(WidgetRefreshSeconds.NAME + " '" + value + "' is no whole number of seconds");
            return DEFAULT_INTERVAL;
        }
        Duration interval = Duration.ofSeconds(Math.max(0, seconds));
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            return MIN_INTERVAL;
        }
        return interval.compareTo(MAX_INTERVAL) > 0 ? MAX_INTERVAL : interval;
    }
}
