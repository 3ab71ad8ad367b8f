package org.campusmirror.mirror.runtime.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ViewModelJsonTest {
    private enum Diet { VEGAN, MEAT }

    private record Meal(String name, Diet diet, BigDecimal price, Optional<String> note, List<String> allergens) {
    }

    private record Day(LocalDate date, List<Meal> meals) {
    }

    @Test
    void recordsListsMapsAndEnumsBecomeObjectsArraysAndText() throws Exception {
        Day day = new Day(LocalDate.of(2026, 3, 2), List.of(
                new Meal("Linsen mit Spätzle", Diet.VEGAN, new BigDecimal("3.10"), Optional.empty(), List.of("A", "G")),
                new Meal("Schnitzel", Diet.MEAT, new BigDecimal("4.50"), Optional.of("mit Pommes"), List.of())));
        assertEquals("{\"date\":\"2026-03-02\",\"meals\":[{\"name\":\"Linsen mit Spätzle\",\"diet\":\"VEGAN\","
                + "\"price\":3.10,\"note\":null,\"allergens\":[\"A\",\"G\"]},{\"name\":\"Schnitzel\",\"diet\":\"MEAT\","
                + "\"price\":4.50,\"note\":\"mit Pommes\",\"allergens\":[]}]}", ViewModelJson.encode(day));
    }

    @Test
    void timesAreIso8601ThatJavaScriptParses() throws Exception {
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("instant", Instant.parse("2026-03-29T01:30:00Z"));
        times.put("zoned", ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 0, ZoneId.of("Europe/Berlin")));
        times.put("offset", OffsetDateTime.parse("2026-03-29T03:30+02:00"));
        times.put("local", LocalDateTime.of(2026, 3, 29, 9, 0));
        times.put("time", LocalTime.of(9, 15));
        times.put("duration", Duration.ofMinutes(90));
        assertEquals("{\"instant\":\"2026-03-29T01:30:00Z\",\"zoned\":\"2026-03-29T03:30+02:00\","
                + "\"offset\":\"2026-03-29T03:30+02:00\",\"local\":\"2026-03-29T09:00\",\"time\":\"09:15\","
                + "\"duration\":\"PT1H30M\"}", ViewModelJson.encode(times));
    }

    @Test
    void numbersKeepTheirPrecisionAndNonFiniteBecomeNull() throws Exception {
        assertEquals("[1,9007199254740993,2.5,null,null,12345678901234567890]", ViewModelJson.encode(List.of(1,
                9_007_199_254_740_993L, 2.5, Double.NaN, Float.POSITIVE_INFINITY,
                new java.math.BigInteger("12345678901234567890"))));
        assertEquals("[1,2,3]", ViewModelJson.encode(new int[] {1, 2, 3}));
        assertEquals("\"x\"", ViewModelJson.encode('x'));
    }

    @Test
    void htmlAndScriptStayTextAndBrokenSurrogatesBecomeReplacementCharacters() throws Exception {
        String hostile = "<img src=x onerror=alert(1)></script>\"";
        assertEquals("\"<img src=x onerror=alert(1)></script>\\\"\"", ViewModelJson.encode(hostile));
        assertEquals("\"a\uFFFDb\uD83D\uDE00\uFFFD\"", ViewModelJson.encode("a\uD800b\uD83D\uDE00\uDC00"));
    }

    @Test
    void anythingElseIsRefusedNamingTypeAndPlace() {
        var error = assertThrows(UnsupportedDataException.class,
                () -> ViewModelJson.encode(Map.of("items", List.of("ok", new Date(0)))));
        assertTrue(error.getMessage().contains("java.util.Date at data.items[1]"), error.getMessage());
        var key = assertThrows(UnsupportedDataException.class, () -> ViewModelJson.encode(Map.of(1, "one")));
        assertTrue(key.getMessage().contains("key of type java.lang.Integer"), key.getMessage());
    }

    @Test
    void encodingStopsAtTheBoundInsteadOfGrowingWithTheData() throws Exception {
        // A billion entries that exist only while they are read: encoding them whole would need gigabytes.
        int[] read = {0};
        List<String> endless = new java.util.AbstractList<>() {
            @Override
            public String get(int index) {
                read[0]++;
                return "entry " + index;
            }

            @Override
            public int size() {
                return 1_000_000_000;
            }
        };
        var error = assertThrows(UnsupportedDataException.class, () -> ViewModelJson.encode(endless, 64 * 1024));
        assertEquals("too large, more than 65536 characters of JSON", error.getMessage());
        assertTrue(read[0] < 20_000, "stopped after " + read[0] + " entries");
        assertEquals("[\"entry 0\"]", ViewModelJson.encode(List.of("entry 0"), 11), "exactly at the bound is fine");
    }

    @Test
    void nestingBeyondTheLimitIsRefusedInsteadOfOverflowingTheStack() {
        List<Object> deep = new ArrayList<>();
        List<Object> current = deep;
        for (int i = 0; i < ViewModelJson.MAX_DEPTH + 5; i++) {
            List<Object> inner = new ArrayList<>();
            current.add(inner);
            current = inner;
        }
        var error = assertThrows(UnsupportedDataException.class, () -> ViewModelJson.encode(deep));
        assertTrue(error.getMessage().startsWith("nested deeper than"), error.getMessage());
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertThrows(UnsupportedDataException.class, () -> ViewModelJson.encode(cycle));
    }

    @Test
    void jsonTreeReadsBackWhatWasWritten() throws Exception {
        String json = ViewModelJson.encode(Map.of("meals", List.of(Map.of("price", 3.1, "count", 2, "veg", true))));
        Object tree = JsonTree.parse(json);
        assertEquals(Map.of("meals", List.of(Map.of("price", 3.1, "count", 2L, "veg", true))), tree);
        assertEquals(json, ViewModelJson.encode(tree));
    }

    @Test
    void jsonTreeRefusesWhatIsNotExactlyOneValue() {
        assertThrows(IOException.class, () -> JsonTree.parse("{\"a\":1} {"));
        assertThrows(IOException.class, () -> JsonTree.parse("{\"a\":[1,2"));
        assertThrows(IOException.class, () -> JsonTree.parse(""));
        assertThrows(IOException.class, () -> JsonTree.parse("[".repeat(ViewModelJson.MAX_DEPTH + 2)
                + "]".repeat(ViewModelJson.MAX_DEPTH + 2)));
    }
}
