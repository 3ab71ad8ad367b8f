package org.campusmirror.mirror.runtime.internal.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class LayoutTest {

    @Test
    void pagesInOrderWithTheirSecondsInEntriesOrCommaSeparated() {
        Layout layout = Layout.parse(new String[] {"main=30", " transport = 15 , events", "night=0"}, true, "de-DE",
                "Europe/Berlin");
        assertEquals(List.of(new Page("main", Duration.ofSeconds(30)), new Page("transport", Duration.ofSeconds(15)),
                new Page("events", Layout.DEFAULT_SHOW_FOR), new Page("night", Duration.ZERO)), layout.pages());
        assertTrue(layout.problems().isEmpty(), layout.problems().toString());
        assertEquals("transport", layout.pageAfter("main", 1).name());
        assertEquals("night", layout.pageAfter("main", -1).name(), "wraps around backwards");
        assertEquals("main", layout.pageAfter("night", 1).name(), "and forwards");
        assertEquals("transport", layout.pageAfter("unknown", 1).name(), "an unknown page counts as the first");
    }

    @Test
    void badEntriesAreDroppedWithAReasonAndNeverLeaveTheMirrorWithoutAPage() {
        Layout layout = Layout.parse(new String[] {"main=soon", "main=10", "<script>", "long=99999999", ""}, true,
                "de-DE", "Europe/Berlin");
        assertEquals(List.of(new Page("main", Layout.DEFAULT_SHOW_FOR), new Page("long", Layout.DEFAULT_SHOW_FOR)),
                layout.pages());
        assertEquals(4, layout.problems().size(), layout.problems().toString());
        assertTrue(layout.problems().get(0).contains("'soon'"));
        assertEquals(List.of(new Page(Layout.DEFAULT_PAGE, Layout.DEFAULT_SHOW_FOR)),
                Layout.parse(new String[0], true, "de", "UTC").pages());
        assertEquals(List.of(new Page(Layout.DEFAULT_PAGE, Layout.DEFAULT_SHOW_FOR)),
                Layout.parse(null, true, "de", "UTC").pages());
    }

    @Test
    void theNumberOfPagesIsBounded() {
        String[] many = new String[1000];
        for (int i = 0; i < many.length; i++) {
            many[i] = "page" + i + "=10";
        }
        Layout layout = Layout.parse(many, true, "de-DE", "Europe/Berlin");
        assertEquals(Layout.MAX_PAGES, layout.pages().size());
        assertEquals("page" + (Layout.MAX_PAGES - 1), layout.pages().get(Layout.MAX_PAGES - 1).name());
        assertEquals(List.of("more than 32 pages; 'page32' and the ones after it are ignored"), layout.problems());
    }

    @Test
    void localeIsGermanOrEnglishAsBcp47AndTheZoneAnIanaName() {
        assertEquals(Locale.forLanguageTag("de-AT"), Layout.parse(null, true, "de-AT", "UTC").locale());
        assertEquals("en-GB", Layout.parse(null, true, " en-GB ", "UTC").localeTag());
        Layout french = Layout.parse(null, true, "fr-FR", "Mars/Olympus");
        assertEquals("de-DE", french.localeTag());
        assertEquals(ZoneId.of("Europe/Berlin"), french.zone());
        assertEquals(2, french.problems().size(), french.problems().toString());
        assertTrue(Layout.parse(null, true, "de_DE!", "UTC").problems().get(0).contains("BCP 47"));
    }
}
