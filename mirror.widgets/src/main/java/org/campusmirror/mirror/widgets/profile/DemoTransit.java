package org.campusmirror.mirror.widgets.profile;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.campusmirror.mirror.widgets.http.Json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo's stop board, timed at serve time: five lines on their intervals, with a few delays, one cancelled trip,
 * one platform change and a warning, as a MOTIS {@code stoptimes} answer (API v5) and as hafas-rest-api
 * departures.
 */
final class DemoTransit {
    private record Line(String name, String motisMode, String product, String headsign, int everyMinutes,
            int offsetMinutes, String track) {
    }

    private record Trip(Line line, Instant planned, int delayMinutes, boolean cancelled, String track,
            String warning) {
    }

    private static final List<Line> LINES = List.of(
            new Line("S1", "SUBURBAN", "suburban", "Flughafen", 10, 2, "3"),
            new Line("Tram 2", "TRAM", "tram", "Universität", 7, 1, null),
            new Line("73", "BUS", "bus", "Technologiepark", 12, 4, null),
            new Line("RE 7", "REGIONAL_RAIL", "regional", "Hafenstadt Hbf", 30, 11, "5"),
            new Line("ICE 1537", "HIGHSPEED_RAIL", "nationalExpress", "München Hbf", 60, 37, "7"));

    private List<Trip> trips(Instant now, int count) {
        Instant start = now.truncatedTo(ChronoUnit.MINUTES);
        long baseMinute = start.getEpochSecond() / 60;
        List<Trip> trips = new ArrayList<>();
        for (Line line : LINES) {
            long first = baseMinute - Math.floorMod(baseMinute - line.offsetMinutes(), line.everyMinutes());
            for (long minute = first; minute < baseMinute + 90; minute += line.everyMinutes()) {
                if (minute < baseMinute) {
                    continue;
                }
                int trip = (int) (minute / line.everyMinutes());
                int delay = Math.floorMod(trip * 7 + line.name().length(), 9) < 2 ? 2 + Math.floorMod(trip, 5) : 0;
                boolean cancelled = line.product().equals("regional") && Math.floorMod(trip, 4) == 1;
                String track = line.track() != null && line.product().equals("suburban") && Math.floorMod(trip, 5) == 0
                        ? "4" : line.track();
                String warning = line.product().equals("nationalExpress")
                        ? "Bauarbeiten: zwischen Halle und Erfurt bis zu 15 Minuten später" : null;
                trips.add(new Trip(line, Instant.ofEpochSecond(minute * 60), cancelled ? 0 : delay, cancelled, track,
                        cancelled ? "Fahrt fällt aus" : warning));
            }
        }
        trips.sort(Comparator.comparing(Trip::planned));
        return trips.subList(0, Math.min(count, trips.size()));
    }

    byte[] motis(Instant now, int count, ZoneId zone) throws IOException {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode stopTimes = root.putArray("stopTimes");
        for (Trip trip : trips(now, count)) {
            ObjectNode item = stopTimes.addObject();
            ObjectNode place = item.putObject("place");
            place.put("name", "Hauptbahnhof").put("stopId", "demo:hbf").put("lat", 52.13).put("lon", 11.63)
                    .put("level", 0).put("tz", zone.getId())
                    .put("scheduledDeparture", trip.planned().toString())
                    .put("departure", trip.planned().plus(Duration.ofMinutes(trip.delayMinutes())).toString());
            if (trip.line().track() != null) {
                place.put("scheduledTrack", trip.line().track()).put("track", trip.track());
            }
            if (trip.warning() != null && !trip.cancelled()) {
                place.putArray("alerts").addObject().put("headerText", trip.warning()).put("descriptionText", "")
                        .put("severityLevel", "WARNING");
            }
            item.put("mode", trip.line().motisMode()).put("realTime", true).put("headsign", trip.line().headsign())
                    .put("displayName", trip.line().name()).put("routeShortName", trip.line().name())
                    .put("pickupDropoffType", "NORMAL").put("cancelled", trip.cancelled())
                    .put("tripCancelled", trip.cancelled()).put("source", "demo");
            item.putObject("tripTo").put("name", trip.line().headsign()).put("lat", 0).put("lon", 0).put("level", 0);
        }
        root.putObject("place").put("name", "Hauptbahnhof").put("lat", 52.13).put("lon", 11.63).put("level", 0);
        root.put("previousPageCursor", "").put("nextPageCursor", "");
        return Json.mapper().writeValueAsBytes(root);
    }

    byte[] hafas(Instant now, int count, ZoneId zone) throws IOException {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode departures = root.putArray("departures");
        for (Trip trip : trips(now, count)) {
            ObjectNode item = departures.addObject();
            item.put("tripId", "demo|" + trip.line().name() + "|" + trip.planned().getEpochSecond())
                    .put("direction", trip.line().headsign())
                    .put("plannedWhen", trip.planned().atZone(zone).toOffsetDateTime().toString());
            item.putObject("line").put("name", trip.line().name()).put("product", trip.line().product());
            if (trip.cancelled()) {
                item.putNull("when").putNull("delay").put("cancelled", true);
            } else {
                item.put("when", trip.planned().plus(Duration.ofMinutes(trip.delayMinutes())).atZone(zone)
                        .toOffsetDateTime().toString()).put("delay", trip.delayMinutes() * 60);
            }
            item.put("platform", trip.track()).put("plannedPlatform", trip.line().track());
            item.putObject("stop").put("id", "900000000001").put("name", "Hauptbahnhof");
            ArrayNode remarks = item.putArray("remarks");
            if (trip.warning() != null) {
                remarks.addObject().put("type", "warning").put("summary", trip.warning());
            }
        }
        root.put("realtimeDataUpdatedAt", now.getEpochSecond());
        return Json.mapper().writeValueAsBytes(root);
    }
}
