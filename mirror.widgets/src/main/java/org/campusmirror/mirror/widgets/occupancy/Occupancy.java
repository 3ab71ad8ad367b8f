package org.campusmirror.mirror.widgets.occupancy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.http.FetchRequest;
import org.campusmirror.mirror.widgets.http.FetchResponse;
import org.campusmirror.mirror.widgets.http.HttpFetcher;
import org.campusmirror.mirror.widgets.http.HttpUrls;
import org.campusmirror.mirror.widgets.http.Json;
import org.campusmirror.mirror.widgets.occupancy.OccupancyView.AreaView;
import org.campusmirror.mirror.widgets.occupancy.OccupancyView.Level;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

/** Reads the configured values out of any JSON answer with JSON Pointers and turns them into bars. */
final class Occupancy {
    private static final long MAX_BYTES = 1024 * 1024;
    private static final String[] TYPES = {"application/json", "+json", "text/json", "text/plain"};

    private final OccupancySettings settings;
    private final HttpFetcher http;

    Occupancy(OccupancySettings settings, HttpFetcher http) {
        this.settings = settings;
        this.http = http;
    }

    OccupancyView read() throws IOException, WidgetConfigurationException {
        FetchResponse response = http.fetch(FetchRequest.get(settings.url())
                .withAccept("application/json, text/plain;q=0.5").withMaxBytes(MAX_BYTES));
        // Campus systems often send JSON as text/plain; an HTML page is refused.
        response.requireContentType("JSON", TYPES);
        JsonNode root = Json.anyTree(response);
        List<AreaView> areas = new ArrayList<>();
        for (Area area : settings.areas()) {
            areas.add(view(area, root, HttpUrls.forDisplay(response.uri())));
        }
        return new OccupancyView(List.copyOf(areas));
    }

    private AreaView view(Area area, JsonNode root, String source) throws WidgetConfigurationException {
        double value = number(area, area.value(), root, source);
        Double capacity = area.fixed() != null ? area.fixed()
                : area.capacity() != null ? number(area, area.capacity(), root, source) : null;
        if (capacity == null || capacity <= 0) {
            long occupied = Math.round(Math.max(0, value));
            return new AreaView(area.name(), occupied, null, null, null, Level.UNKNOWN);
        }
        double occupied = settings.valueIsFree() ? capacity - value : value;
        occupied = Math.max(0, Math.min(capacity, occupied));
        int percent = (int) Math.round(occupied * 100 / capacity);
        Level level = percent >= settings.fullPercent() ? Level.FULL
                : percent >= settings.busyPercent() ? Level.BUSY : Level.FREE;
        long total = Math.round(capacity);
        long taken = Math.round(occupied);
        return new AreaView(area.name(), taken, total, Math.max(0, total - taken), percent, level);
    }

    private static double number(Area area, JsonPointer pointer, JsonNode root, String source)
            throws WidgetConfigurationException {
        JsonNode node = root.at(pointer);
        if (node.isMissingNode()) {
            throw new WidgetConfigurationException(area.label() + ": JSON Pointer " + pointer
                    + " matched nothing in the answer from " + source);
        }
        if (node.isNumber() && Double.isFinite(node.asDouble())) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            try {
                double parsed = Double.parseDouble(node.asText().strip().replace(',', '.'));
                if (Double.isFinite(parsed)) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new WidgetConfigurationException(area.label() + ": JSON Pointer " + pointer + " found "
                + describe(node) + ", not a number, in the answer from " + source);
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        String text = node.asText();
        return "the text '" + (text.length() > 30 ? text.substring(0, 30) + "..." : text) + "'";
    }
}
