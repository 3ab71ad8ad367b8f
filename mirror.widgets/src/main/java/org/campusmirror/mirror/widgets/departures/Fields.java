package org.campusmirror.mirror.widgets.departures;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** Lenient reads of JSON fields both providers need: a missing or malformed value is null, not an error. */
final class Fields {
    private Fields() {
    }

    /** An ISO-8601 time with offset, e.g. {@code 2026-11-24T18:41:00+01:00} or {@code ...Z}. */
    static Instant instant(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Non-blank text, stripped. */
    static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText().strip() : null;
    }

    static String first(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        return null;
    }
}
