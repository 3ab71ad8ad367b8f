package org.campusmirror.mirror.widgets.profile;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.campusmirror.mirror.widgets.http.Json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The demo library's seats, in a JSON shape of its own (the widget picks values with JSON Pointers). */
final class DemoOccupancy {

    byte[] library(Instant now, ZoneId zone) throws IOException {
        ZonedDateTime local = now.atZone(zone);
        double hour = local.getHour() + local.getMinute() / 60.0;
        // Busiest at 13:00, nearly empty at night.
        double load = Math.max(0.05, Math.exp(-Math.pow((hour - 13) / 3.5, 2)));
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("updated", now.toString());
        ArrayNode areas = root.putArray("areas");
        areas.addObject().put("name", "Lesesaal").put("occupied", Math.round(180 * 0.92 * load)).put("seats", 180);
        // A count sent as text, as some campus systems do.
        areas.addObject().put("name", "Gruppenräume").put("inUse", String.valueOf(Math.round(12 * 0.85 * load)))
                .put("rooms", 12);
        areas.addObject().put("name", "Lernzentrum").put("occupied", Math.round(90 * 0.6 * load)).put("seats", 90);
        return Json.mapper().writeValueAsBytes(root);
    }
}
