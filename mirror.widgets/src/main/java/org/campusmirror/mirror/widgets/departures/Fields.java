package org.campusmirror.mirror.widgets.departures;

import java.io.IOException;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.campusmirror.mirror.widgets.http.FetchRequest;
import org.campusmirror.mirror.widgets.http.HttpFetcher;
import org.campusmirror.mirror.widgets.http.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What both providers need: one fetch of a stop board (never revalidated: it changes every minute), and lenient
 * reads of JSON fields, where a missing or malformed value is null, not an error.
 */
final class Fields {
    private static final long MAX_BYTES = 1024 * 1024;

    private Fields() {
    }

    static JsonNode fetch(HttpFetcher http, URI uri) throws IOException {
        return Json.tree(http.fetch(FetchRequest.get(uri).withAccept("application/json").withMaxBytes(MAX_BYTES)
                .withoutRevalidation()));
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
