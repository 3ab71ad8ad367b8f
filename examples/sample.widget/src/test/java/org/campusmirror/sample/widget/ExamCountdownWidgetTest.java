package org.campusmirror.sample.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.campusmirror.mirror.widget.RefreshContext;
import org.campusmirror.mirror.widget.ViewModel;
import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.junit.jupiter.api.Test;

/** A widget is a plain class: test it with a context of your own, no framework needed. */
class ExamCountdownWidgetTest {
    private static final Instant NOW = Instant.parse("2027-02-01T10:00:00Z");

    private static RefreshContext context(String zone) {
        return new RefreshContext() {
            public Locale locale() {
                return Locale.GERMANY;
            }

            public ZoneId zone() {
                return ZoneId.of(zone);
            }

            public Clock clock() {
                return Clock.fixed(NOW, ZoneOffset.UTC);
            }

            public Optional<ViewModel> lastGood() {
                return Optional.empty();
            }

            public boolean cancelled() {
                return false;
            }
        };
    }

    @Test
    void startIsReadInTheDisplaysTimeZoneAndTheEndFollowsFromTheDuration() throws Exception {
        var settings = ExamCountdownWidget.ExamSettings.of(" Analysis I ", "2027-02-15T09:00", 90, "Audimax");
        ViewModel model = ViewModel.of(settings.exam(context("Europe/Berlin")), NOW);
        var exam = (ExamCountdownWidget.Exam) model.data();
        assertEquals("Analysis I", exam.exam());
        assertEquals("Audimax", exam.location());
        assertEquals(Instant.parse("2027-02-15T08:00:00Z"), exam.startsAt(), "09:00 in Berlin in winter is 08:00 UTC");
        assertEquals(Instant.parse("2027-02-15T09:30:00Z"), exam.endsAt());
    }

    @Test
    void wrongSettingsReachTheTileAsAConfigurationError() {
        var badDate = ExamCountdownWidget.ExamSettings.of("Analysis I", "15.02.2027 9 Uhr", 90, "");
        var error = assertThrows(WidgetConfigurationException.class, () -> badDate.exam(context("UTC")));
        assertTrue(error.getMessage().contains("15.02.2027 9 Uhr"), error.getMessage());
        var noName = ExamCountdownWidget.ExamSettings.of("  ", "2027-02-15T09:00", 90, "");
        assertThrows(WidgetConfigurationException.class, () -> noName.exam(context("UTC")));
    }

    @Test
    void everyDisplayedTextHasAGermanAndAnEnglishLabel() throws Exception {
        var english = new java.util.Properties();
        var german = new java.util.Properties();
        try (var en = getClass().getResourceAsStream("/OSGI-INF/l10n/exam.properties");
                var de = getClass().getResourceAsStream("/OSGI-INF/l10n/exam_de.properties")) {
            english.load(en);
            german.load(de);
        }
        assertEquals(english.keySet(), german.keySet());
        assertTrue(english.size() >= 12);
        assertEquals("Prüfung", german.getProperty("exam.title.name"), "read as the metatype service reads it");
    }
}
