package org.campusmirror.mirror.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReadinessTrackerTest {
    private final List<Set<String>> announcements = new ArrayList<>();

    @Test
    void announcesOnceWhenEveryRequiredPartIsUp() {
        ReadinessTracker tracker = new ReadinessTracker(Set.of("http", "websocket"), announcements::add);
        tracker.up("http");
        assertEquals(List.of(), announcements);
        assertEquals(Set.of("websocket"), tracker.missing());

        tracker.up("websocket");
        assertEquals(1, announcements.size());
        assertTrue(tracker.missing().isEmpty());

        tracker.down("websocket");
        tracker.up("websocket");
        assertEquals(1, announcements.size(), "the ready line is logged once per start");
    }

    @Test
    void partStaysUpUntilItsLastAnnouncerGoes() {
        ReadinessTracker tracker = new ReadinessTracker(Set.of("http", "websocket"), announcements::add);
        tracker.up("websocket");
        tracker.up("websocket");
        tracker.down("websocket");
        assertEquals(Set.of("http"), tracker.missing());
        tracker.down("websocket");
        assertEquals(Set.of("http", "websocket"), tracker.missing());
    }

    @Test
    void partsNobodyRequiresDoNotMatter() {
        ReadinessTracker tracker = new ReadinessTracker(Set.of("http"), announcements::add);
        tracker.up("websocket");
        assertEquals(List.of(), announcements);
        tracker.up("http");
        assertEquals(List.of(Set.of("http")), announcements);
    }

    @Test
    void partsPropertyIsParsedWithDefault() {
        assertEquals(Set.of("http"), ReadinessTracker.parseParts(null));
        assertEquals(Set.of("http"), ReadinessTracker.parseParts("  "));
        assertEquals(List.of("http", "websocket"), List.copyOf(ReadinessTracker.parseParts(" http , websocket,")));
        assertThrows(IllegalArgumentException.class, () -> ReadinessTracker.parseParts(" , "));
    }

    @Test
    void announcerPropertyMayNameOneOrSeveralParts() {
        assertEquals(List.of("websocket"), ReadinessComponent.partsOf("websocket"));
        assertEquals(List.of("a", "b"), ReadinessComponent.partsOf(new String[] {"a", "b"}));
        assertEquals(List.of("a", "b"), ReadinessComponent.partsOf(List.of("a", "b")));
        assertEquals(List.of(), ReadinessComponent.partsOf(42));
    }
}
