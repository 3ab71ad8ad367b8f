package org.campusmirror.mirror.widgets.departures;

import static org.campusmirror.mirror.widgets.departures.Fields.instant;
import static org.campusmirror.mirror.widgets.departures.Fields.text;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.campusmirror.mirror.widgets.http.HttpFetcher;
import org.campusmirror.mirror.widgets.http.HttpUrls;
import org.campusmirror.mirror.widgets.http.MalformedBodyException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The hafas-rest-api shape (transport.rest v6, db-rest, vbb-rest, a university's own instance):
 * {@code GET {base}/stops/{id}/departures}, answering {@code {"departures": [...]}} or, on older servers, a bare
 * array of FPTF departures. Delays come in seconds or null; a cancelled trip has {@code cancelled: true} and
 * {@code when: null}; remarks of type warning or status become warnings.
 */
final class HafasRestProvider implements DepartureProvider {
    private final HttpFetcher http;
    private final String base;
    private final int durationMinutes;

    HafasRestProvider(HttpFetcher http, String base, int durationMinutes) {
        this.http = http;
        this.base = base;
        this.durationMinutes = durationMinutes;
    }

    URI uri(String stop, Instant from, int count) {
        return URI.create(base + "/stops/" + URLEncoder.encode(stop, StandardCharsets.UTF_8).replace("+", "%20")
                + "/departures?when=" + from + "&duration=" + durationMinutes + "&results=" + count
                + "&remarks=true&language=de");
    }

    @Override
    public Board departures(String stop, Instant from, int count) throws IOException {
        URI uri = uri(stop, from, count);
        JsonNode root = Fields.fetch(http, uri);
        JsonNode list = root.isArray() ? root : root.path("departures");
        if (!list.isArray()) {
            throw new MalformedBodyException("unexpected answer from " + HttpUrls.forDisplay(uri)
                    + ": neither a list of departures nor an object with 'departures'", null);
        }
        List<Departure> departures = new ArrayList<>();
        String stopName = null;
        for (JsonNode item : list) {
            Departure departure = departure(item);
            if (departure != null) {
                departures.add(departure);
            }
            if (stopName == null && item.path("stop").path("name").isTextual()) {
                stopName = item.path("stop").path("name").asText();
            }
        }
        return new Board(stopName, departures);
    }

    /** One FPTF departure, or null when it has no usable time. */
    static Departure departure(JsonNode item) {
        Instant when = instant(item.path("when"));
        Instant planned = instant(item.path("plannedWhen"));
        boolean cancelled = item.path("cancelled").asBoolean(false);
        if (planned == null) {
            planned = when != null ? when : instant(item.path("prognosedWhen"));
        }
        if (planned == null) {
            return null;
        }
        JsonNode delay = item.path("delay");
        Integer delayMinutes = delay.isNumber() ? (int) Math.round(delay.asDouble() / 60.0) : null;
        JsonNode line = item.path("line");
        String name = text(line.path("name"));
        return new Departure(name == null ? "?" : name,
                Product.fromFptf(text(line.path("product")), text(line.path("mode"))),
                RemarkText.plain(text(item.path("direction"))), planned, cancelled ? null : when,
                cancelled ? null : delayMinutes, cancelled, text(item.path("platform")),
                text(item.path("plannedPlatform")), warnings(item.path("remarks")));
    }

    private static List<String> warnings(JsonNode remarks) {
        Set<String> warnings = new LinkedHashSet<>();
        for (JsonNode remark : remarks) {
            String type = remark.path("type").asText("");
            if (type.equals("warning") || type.equals("status")) {
                String summary = text(remark.path("summary"));
                String words = RemarkText.plain(summary != null ? summary : text(remark.path("text")));
                if (!words.isEmpty()) {
                    warnings.add(words);
                }
            }
        }
        return List.copyOf(warnings);
    }
}
