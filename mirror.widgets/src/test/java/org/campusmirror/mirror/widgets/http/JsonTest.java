package org.campusmirror.mirror.widgets.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The shared Jackson setup: java.time, unknown properties, bounded input, errors that show no content. */
class JsonTest {
    record Day(LocalDate date, boolean closed) {
    }

    record Stamp(Instant at) {
    }

    private static FetchResponse response(String contentType, byte[] body) {
        return new FetchResponse(URI.create("https://openmensa.org/api/v2/canteens/1/days"), 200, body,
                HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (name, value) -> true),
                Instant.parse("2026-11-24T10:00:00Z"), false);
    }

    private static FetchResponse json(String text) {
        return response("application/json", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void javaTimeAndUnknownPropertiesWork() throws IOException {
        Day day = Json.read(json("{\"date\":\"2026-11-24\",\"closed\":true,\"added_later\":[1,2]}"), Day.class);
        assertEquals(new Day(LocalDate.of(2026, 11, 24), true), day);
        assertEquals(Instant.parse("2026-11-24T17:00:00Z"),
                Json.read(json("{\"at\":\"2026-11-24T18:00:00+01:00\"}"), Stamp.class).at());
    }

    @Test
    void malformedJsonNamesThePlaceButNotTheContent() {
        MalformedBodyException malformed = assertThrows(MalformedBodyException.class,
                () -> Json.tree(json("{\"secret-looking\": [1, 2,, 3]}")));
        assertTrue(malformed.getMessage().startsWith("malformed JSON from https://openmensa.org/api/v2/canteens/1/days"
                + " at line 1, column"), malformed.getMessage());
        assertFalse(malformed.getMessage().contains("secret-looking"), malformed.getMessage());
    }

    @Test
    void trailingGarbageAndEmptyBodiesAreMalformed() {
        assertThrows(MalformedBodyException.class, () -> Json.tree(json("[1] [2]")));
        assertThrows(MalformedBodyException.class, () -> Json.tree(json("")));
        assertThrows(MalformedBodyException.class, () -> Json.tree(json("[1, 2")));
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        MalformedBodyException refused = assertThrows(MalformedBodyException.class, () -> Json.tree(json(deep)));
        assertTrue(refused.getMessage().contains("nesting depth"), refused.getMessage());
    }

    @Test
    void aHugeNumberIsRefused() {
        assertThrows(MalformedBodyException.class, () -> Json.tree(json("[" + "9".repeat(5000) + "]")));
    }

    @Test
    void theContentTypeMustBeJsonUnlessTheCallerSaysOtherwise() throws IOException {
        byte[] body = "{\"free\":12}".getBytes(StandardCharsets.UTF_8);
        assertThrows(UnexpectedContentTypeException.class, () -> Json.tree(response("text/html", body)));
        assertEquals(12, Json.anyTree(response("text/plain", body)).path("free").asInt());
        assertEquals(12, Json.tree(response("application/vnd.api+json", body)).path("free").asInt());
    }

    @Test
    void aDeclaredNonUtf8CharsetIsHonoured() throws IOException {
        byte[] latin1 = "{\"name\":\"Mensa Süd\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Mensa Süd", Json.tree(response("application/json; charset=ISO-8859-1", latin1))
                .path("name").asText());
    }
}
