package org.campusmirror.mirror.widgets.profile;

import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;

import org.campusmirror.mirror.widgets.http.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo's OpenMensa canteen, dated at serve time: the next two weeks, closed at weekends, a weekday's menu from
 * the bundled {@code demo/canteen/meals.json} (one menu per weekday, Monday to Friday), and a 404 for a weekend day.
 */
final class DemoCanteen {
    static final int ID = 42;

    private final JsonNode menus;

    DemoCanteen() throws IOException {
        try (InputStream in = DemoServer.resource("canteen/meals.json")) {
            menus = Json.mapper().readTree(in);
        }
    }

    static boolean closed(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    byte[] days(LocalDate today) throws IOException {
        ArrayNode days = Json.mapper().createArrayNode();
        for (int i = 0; i < 14; i++) {
            LocalDate date = today.plusDays(i);
            days.addObject().put("date", date.toString()).put("closed", closed(date));
        }
        return Json.mapper().writeValueAsBytes(days);
    }

    /** The menu of {@code date}, or null for a closed day (the server answers 404, as OpenMensa does). */
    byte[] meals(LocalDate date) throws IOException {
        if (closed(date)) {
            return null;
        }
        ArrayNode meals = ((ArrayNode) menus.get(date.getDayOfWeek().getValue() - 1)).deepCopy();
        int id = (int) (date.toEpochDay() * 10);
        for (JsonNode meal : meals) {
            ((ObjectNode) meal).put("id", id++);
        }
        return Json.mapper().writeValueAsBytes(meals);
    }
}
