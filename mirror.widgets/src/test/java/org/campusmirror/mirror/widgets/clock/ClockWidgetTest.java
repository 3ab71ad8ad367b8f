package org.campusmirror.mirror.widgets.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.common.TestContext;
import org.junit.jupiter.api.Test;

class ClockWidgetTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static ClockWidget.Config config(String zone, String cycle, boolean seconds, String region) {
        return new ClockWidget.Config() {
            public Class<? extends Annotation> annotationType() { return ClockWidget.Config.class; }
            public String widget_title() { return ""; }
            public String widget_region() { return region; }
            public String[] widget_page() { return new String[] {"*"}; }
            public long widget_refresh_seconds() { return 3600; }
            public String clock_zone() { return zone; }
            public String clock_hour_cycle() { return cycle; }
            public boolean clock_seconds() { return seconds; }
            public boolean clock_show_date() { return true; }
            public boolean clock_show_week() { return true; }
        };
    }

    private static ClockView view(ClockWidget.Config config, String instant, Locale locale) throws Exception {
        return (ClockView) new ClockWidget(config).refresh(TestContext.at(instant, BERLIN, locale)).data();
    }

    @Test
    void germanDateAndKwInTheMirrorsZone() throws Exception {
        ClockView view = view(config("", "24h", false, "top_right"), "2026-12-31T22:30:00Z", Locale.GERMANY);
        assertEquals("Europe/Berlin", view.zone());
        assertEquals(LocalDate.of(2026, 12, 31), view.date());
        assertEquals(53, view.week(), "2026 begins on a Thursday, so it has 53 ISO weeks");
        assertEquals("KW 53", view.weekLabel());
        assertEquals("Donnerstag, 31. Dezember 2026", view.dateText());
        assertFalse(view.hour12());
    }

    @Test
    void englishWeekAndTheConfiguredZone() throws Exception {
        ClockView view = view(config("Asia/Tokyo", "12h", true, "top_bar"), "2026-12-31T22:30:00Z", Locale.UK);
        assertEquals("Asia/Tokyo", view.zone());
        assertEquals(LocalDate.of(2027, 1, 1), view.date(), "already the first of January in Tokyo");
        assertEquals(53, view.week(), "1 January 2027 still belongs to ISO week 53 of 2026");
        assertEquals("Week 53", view.weekLabel());
        assertEquals("Friday, 1 January 2027", view.dateText());
        assertTrue(view.hour12());
        assertTrue(view.seconds());
    }

    @Test
    void firstIsoWeekOfTheYear() throws Exception {
        assertEquals("KW 1", view(config("", "24h", false, "top_right"), "2026-01-01T10:00:00Z", Locale.GERMANY)
                .weekLabel());
        assertEquals("KW 1", view(config("", "24h", false, "top_right"), "2027-01-04T10:00:00Z", Locale.GERMANY)
                .weekLabel());
    }

    @Test
    void wrongSettingsAreNamed() {
        var badZone = assertThrows(WidgetConfigurationException.class,
                () -> view(config("Mars/Olympus", "24h", false, "top_right"), "2026-12-31T22:30:00Z", Locale.GERMANY));
        assertTrue(badZone.getMessage().startsWith("clock.zone: 'Mars/Olympus'"), badZone.getMessage());
        var badCycle = assertThrows(WidgetConfigurationException.class,
                () -> view(config("", "25h", false, "top_right"), "2026-12-31T22:30:00Z", Locale.GERMANY));
        assertTrue(badCycle.getMessage().startsWith("clock.hour.cycle: '25h'"), badCycle.getMessage());
        var badRegion = assertThrows(WidgetConfigurationException.class,
                () -> view(config("", "24h", false, "left"), "2026-12-31T22:30:00Z", Locale.GERMANY));
        assertTrue(badRegion.getMessage().startsWith("widget.region: unknown region 'left'"), badRegion.getMessage());
    }
}
