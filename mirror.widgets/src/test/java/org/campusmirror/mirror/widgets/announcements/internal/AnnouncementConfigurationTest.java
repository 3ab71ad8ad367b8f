package org.campusmirror.mirror.widgets.announcements.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.time.ZoneId;

import org.campusmirror.mirror.widgets.announcements.Priority;
import org.junit.jupiter.api.Test;

class AnnouncementConfigurationTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static AnnouncementConfiguration.Config config(String start, String end, String priority, String zone) {
        return new AnnouncementConfiguration.Config() {
            public Class<? extends Annotation> annotationType() { return AnnouncementConfiguration.Config.class; }
            public String text_de() { return "Bibliothek schließt um 18 Uhr"; }
            public String text_en() { return "The library closes at 6 pm"; }
            public String start() { return start; }
            public String end() { return end; }
            public String priority() { return priority; }
            public String zone() { return zone; }
        };
    }

    @Test
    void localTimesAreReadInTheZoneAcrossTheSwitch() {
        var a = AnnouncementConfiguration.read("pid-1", config("2026-10-24 08:00", "2026-10-26", "important", ""),
                BERLIN);
        assertEquals(Instant.parse("2026-10-24T06:00:00Z"), a.start());
        assertEquals(Instant.parse("2026-10-26T23:00:00Z"), a.end(), "a date alone ends with that day (CET)");
        assertEquals(Priority.IMPORTANT, a.priority());
        assertEquals("pid-1", a.id());
    }

    @Test
    void offsetsAndOtherZonesAndEmptyBounds() {
        var a = AnnouncementConfiguration.read("p", config("2026-10-24T08:00+02:00", "", "URGENT", "UTC"), BERLIN);
        assertEquals(Instant.parse("2026-10-24T06:00:00Z"), a.start());
        assertNull(a.end());
        var b = AnnouncementConfiguration.read("p", config("", "2026-10-24T08:00", "normal", "UTC"), BERLIN);
        assertNull(b.start());
        assertEquals(Instant.parse("2026-10-24T08:00:00Z"), b.end());
    }

    @Test
    void wrongValuesAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AnnouncementConfiguration.read("p",
                config("morgen", "", "normal", ""), BERLIN)).getMessage().startsWith("start: 'morgen'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AnnouncementConfiguration.read("p",
                config("", "", "panic", ""), BERLIN)).getMessage().startsWith("priority: 'panic'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AnnouncementConfiguration.read("p",
                config("", "", "normal", "Mond/Base"), BERLIN)).getMessage().startsWith("zone: 'Mond/Base'"));
    }
}
