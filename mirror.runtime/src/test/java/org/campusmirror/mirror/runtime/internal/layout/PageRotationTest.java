package org.campusmirror.mirror.runtime.internal.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.campusmirror.mirror.runtime.internal.display.DisplayModel;
import org.campusmirror.mirror.runtime.internal.timing.ManualTimer;
import org.junit.jupiter.api.Test;

class PageRotationTest {
    private final ManualTimer timer = new ManualTimer(Instant.parse("2026-03-02T08:00:00Z"));

    private DisplayModel model(boolean rotate, String... pages) {
        return new DisplayModel(Layout.parse(pages, rotate, "de-DE", "Europe/Berlin"));
    }

    @Test
    void eachPageShowsForItsOwnTimeThenTheNext() {
        DisplayModel model = model(true, "main=30", "transport=10");
        PageRotation rotation = new PageRotation(timer, model);
        rotation.restart();
        timer.advance(Duration.ofSeconds(29));
        assertEquals("main", model.page());
        timer.advance(Duration.ofSeconds(1));
        assertEquals("transport", model.page());
        timer.advance(Duration.ofSeconds(10));
        assertEquals("main", model.page());
    }

    @Test
    void aButtonMovesOnAndRestartsTheTimerOfThePageItShows() {
        DisplayModel model = model(true, "main=30", "transport=10", "events=20");
        PageRotation rotation = new PageRotation(timer, model);
        rotation.restart();
        timer.advance(Duration.ofSeconds(25));
        rotation.step(-1);
        assertEquals("events", model.page());
        timer.advance(Duration.ofSeconds(19));
        assertEquals("events", model.page(), "a full 20 s for the page a button chose");
        timer.advance(Duration.ofSeconds(1));
        assertEquals("main", model.page());
    }

    @Test
    void noRotationWhileAsleepOnAZeroSecondPageOrWhenSwitchedOff() {
        DisplayModel model = model(true, "main=30", "night=0");
        PageRotation rotation = new PageRotation(timer, model);
        model.setAsleep(true);
        rotation.restart();
        timer.advance(Duration.ofMinutes(5));
        assertEquals("main", model.page(), "asleep");
        model.setAsleep(false);
        rotation.restart();
        timer.advance(Duration.ofSeconds(30));
        assertEquals("night", model.page());
        timer.advance(Duration.ofHours(1));
        assertEquals("night", model.page(), "0 s: until a button moves on");

        DisplayModel fixed = model(false, "main=5", "other=5");
        new PageRotation(timer, fixed).restart();
        timer.advance(Duration.ofMinutes(1));
        assertEquals("main", fixed.page());
        assertEquals(0, timer.pending());
    }
}
