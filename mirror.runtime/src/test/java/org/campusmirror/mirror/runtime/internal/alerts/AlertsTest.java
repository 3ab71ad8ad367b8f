package org.campusmirror.mirror.runtime.internal.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.campusmirror.mirror.runtime.AlertEvents;
import org.campusmirror.mirror.runtime.internal.timing.ManualTimer;
import org.junit.jupiter.api.Test;

class AlertsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private final ManualTimer timer = new ManualTimer(NOW);
    private final List<List<Alert>> shown = new ArrayList<>();
    private final AlertBoard board = new AlertBoard(timer, timer.clock(), shown::add);

    private static AlertRequest read(Map<String, Object> properties) {
        return AlertRequest.read(properties::get, "test");
    }

    @Test
    void anEventBecomesAnAlertAndAClearTakesItAway() {
        assertTrue(board.apply(read(Map.of(AlertEvents.ID, "drill", AlertEvents.TEXT, "Fire drill",
                AlertEvents.TEXT_DE, "Feueralarmübung", AlertEvents.LEVEL, "URGENT"))));
        Alert alert = board.alerts().get(0);
        assertEquals("urgent", alert.level());
        assertEquals("Feueralarmübung", alert.textDe());
        assertEquals("test", alert.source());
        assertTrue(board.apply(read(Map.of(AlertEvents.ID, "drill", AlertEvents.CLEAR, true))));
        assertEquals(List.of(), board.alerts());
        assertEquals(2, shown.size());
    }

    @Test
    void anAlertClearsItselfAtItsTime() {
        board.apply(read(Map.of(AlertEvents.ID, "a", AlertEvents.TEXT, "until noon",
                AlertEvents.UNTIL, "2026-03-02T12:00:00Z")));
        board.apply(read(Map.of(AlertEvents.ID, "b", AlertEvents.TEXT, "in a minute",
                AlertEvents.UNTIL, NOW.plusSeconds(60).toEpochMilli())));
        timer.advance(Duration.ofSeconds(60));
        assertEquals(List.of("a"), board.alerts().stream().map(Alert::id).toList());
        timer.advance(Duration.ofHours(2));
        assertEquals(List.of(), board.alerts());
        assertTrue(!board.apply(read(Map.of(AlertEvents.ID, "old", AlertEvents.TEXT, "x",
                AlertEvents.UNTIL, NOW.toEpochMilli()))), "an alert whose time is over is not shown");
    }

    @Test
    void badRequestsAreRefusedWithAReason() {
        assertInstanceOf(AlertRequest.Invalid.class, read(Map.of(AlertEvents.TEXT, "no id")));
        assertInstanceOf(AlertRequest.Invalid.class, read(Map.of(AlertEvents.ID, "x")));
        assertInstanceOf(AlertRequest.Invalid.class, read(Map.of(AlertEvents.ID, "x", AlertEvents.TEXT, "t",
                AlertEvents.LEVEL, "apocalyptic")));
        assertInstanceOf(AlertRequest.Invalid.class, read(Map.of(AlertEvents.ID, "x", AlertEvents.TEXT, "t",
                AlertEvents.UNTIL, "tomorrow")));
        assertInstanceOf(AlertRequest.Invalid.class, read(Map.of(AlertEvents.ID, "x".repeat(65), AlertEvents.TEXT, "t")));
        assertTrue(!board.apply(read(Map.of(AlertEvents.TEXT, "no id"))));
        assertEquals(List.of(), shown);
    }

    @Test
    void longTextIsCutAndTheBoardStaysBoundedUrgentFirst() {
        AlertRequest.Raise raise = (AlertRequest.Raise) read(Map.of(AlertEvents.ID, "long",
                AlertEvents.TEXT, "x".repeat(5000)));
        assertEquals(AlertRequest.MAX_TEXT, raise.alert().text().length());
        for (int i = 0; i < AlertBoard.MAX_ALERTS + 5; i++) {
            Map<String, Object> event = new HashMap<>(Map.of(AlertEvents.ID, "info" + i, AlertEvents.TEXT, "t"));
            board.apply(read(event));
        }
        board.apply(read(Map.of(AlertEvents.ID, "fire", AlertEvents.TEXT, "Fire", AlertEvents.LEVEL, "urgent")));
        assertEquals(AlertBoard.MAX_ALERTS, board.alerts().size());
        assertEquals("fire", board.alerts().get(0).id());
    }

    @Test
    void aFullBoardDropsTheOldestAlertOfTheLowestLevel() {
        board.apply(read(Map.of(AlertEvents.ID, "warning", AlertEvents.TEXT, "t", AlertEvents.LEVEL, "warning")));
        for (int i = 0; i < AlertBoard.MAX_ALERTS - 1; i++) {
            board.apply(read(Map.of(AlertEvents.ID, "info" + i, AlertEvents.TEXT, "t")));
        }
        board.apply(read(Map.of(AlertEvents.ID, "newest", AlertEvents.TEXT, "t")));
        List<String> ids = board.alerts().stream().map(Alert::id).toList();
        assertEquals(AlertBoard.MAX_ALERTS, ids.size());
        assertTrue(!ids.contains("info0") && ids.contains("info1") && ids.contains("newest")
                && ids.contains("warning"), ids.toString());
    }
}
