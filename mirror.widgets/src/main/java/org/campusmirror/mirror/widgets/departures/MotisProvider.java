package org.campusmirror.mirror.widgets.departures;

import static org.campusmirror.mirror.widgets.departures.Fields.first;
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
 * MOTIS 2 (the engine of Transitous), its {@code stoptimes} endpoint as the OpenAPI description of MOTIS 2.5+
 * gives it ({@code openapi.yaml}, API version v5): {@code GET {base}/api/v5/stoptimes?stopId=..&n=..&time=..}
 * answering {@code {"stopTimes": [StopTime], "place": Place, ...}}. A StopTime carries {@code place.departure} and
 * {@code place.scheduledDeparture}, {@code place.track} and {@code place.scheduledTrack}, {@code place.alerts},
 * {@code realTime}, {@code cancelled} / {@code tripCancelled}, {@code headsign}, {@code displayName} (v4+, else
 * {@code routeShortName}) and {@code mode}. Older servers take {@code departures.motis.api.version} 1-4.
 */
final class MotisProvider implements DepartureProvider {
    private final HttpFetcher http;
    private final String base;
    private final int apiVersion;

    MotisProvider(HttpFetcher http, String base, int apiVersion) {
        this.http = http;
        this.base = base;
        this.apiVersion = apiVersion;
    }

    URI uri(String stop, Instant from, int count) {
        return URI.create(base + "/api/v" + apiVersion + "/stoptimes?stopId="
                + URLEncoder.encode(stop, StandardCharsets.UTF_8) + "&n=" + count + "&time=" + from
                + "&arriveBy=false&language=de");
    }

    @Override
    public Board departures(String stop, Instant from, int count) throws IOException {
        URI uri = uri(stop, from, count);
        JsonNode root = Fields.fetch(http, uri);
        JsonNode list = root.path("stopTimes");
        if (!list.isArray()) {
            throw new MalformedBodyException("unexpected answer from " + HttpUrls.forDisplay(uri)
                    + ": no 'stopTimes' list", null);
        }
        List<Departure> departures = new ArrayList<>();
        for (JsonNode item : list) {
            Departure departure = departure(item);
            if (departure != null) {
                departures.add(departure);
            }
        }
        return new Board(text(root.path("place").path("name")), departures);
    }

    /** One StopTime, or null when it has no departure time or nobody may board there. */
    static Departure departure(JsonNode item) {
        JsonNode place = item.path("place");
        Instant planned = instant(place.path("scheduledDeparture"));
        Instant actual = instant(place.path("departure"));
        if (planned == null) {
            planned = actual;
        }
        boolean cancelled = item.path("cancelled").asBoolean(false) || item.path("tripCancelled").asBoolean(false)
                || place.path("cancelled").asBoolean(false);
        boolean boardable = !"NOT_ALLOWED".equals(item.path("pickupDropoffType").asText(""));
        if (planned == null || (!boardable && !cancelled)) {
            return null;
        }
        boolean realTime = item.path("realTime").asBoolean(false);
        Instant expected = realTime && !cancelled ? actual : null;
        String line = first(text(item.path("displayName")), text(item.path("routeShortName")),
                text(item.path("tripShortName")));
        String direction = first(text(item.path("headsign")), text(item.path("tripTo").path("name")));
        return new Departure(line == null ? "?" : line, Product.fromMotis(item.path("mode").asText("")),
                direction == null ? "" : RemarkText.plain(direction), planned, expected,
                expected == null ? null : Departure.minutesBetween(planned, expected), cancelled,
                text(place.path("track")), text(place.path("scheduledTrack")), warnings(place.path("alerts")));
    }

    private static List<String> warnings(JsonNode alerts) {
        Set<String> warnings = new LinkedHashSet<>();
        for (JsonNode alert : alerts) {
            String words = RemarkText.plain(first(text(alert.path("headerText")), text(alert.path("descriptionText"))));
            if (!words.isEmpty()) {
                warnings.add(words);
            }
        }
        return List.copyOf(warnings);
    }
}
