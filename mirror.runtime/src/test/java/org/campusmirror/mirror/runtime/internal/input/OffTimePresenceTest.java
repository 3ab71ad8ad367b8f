package org.campusmirror.mirror.runtime.internal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Off-times applied to the display with a pinned clock over both 2026 daylight-saving nights in Europe/Berlin:
 * sleep at the start, wake at the end, motion ignored in between unless configured, a press wakes for the wake time.
 */
class OffTimePresenceTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final RecordingActions actions = new RecordingActions();

    private Presence presence(ManualClock clock, boolean motionWakes) {
        OffSchedule schedule = new OffSchedule(List.of(OffTime.parse("22:00-06:00")), BERLIN);
        Presence presence = new Presence(actions, clock, new Presence.Settings(schedule, motionWakes,
                Duration.ofMinutes(5)));
        presence.start();
        return presence;
    }

    @Test
    void theSpringNightSleepsAt22CetAndWakesAt06Cest() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-28T20:59:00Z")); // 21:59 CET
        presence(clock, false);
        clock.advance(Duration.ofSeconds(59));
        assertEquals(List.of(), actions.take());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("sleep"), actions.take(), "22:00 CET");
        clock.advanceTo(Instant.parse("2026-03-29T03:59:59Z"));
        assertEquals(List.of(), actions.take(), "05:59:59 CEST, an hour less of night on the wall clock");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("wake"), actions.take(), "06:00 CEST, 7 real hours after it began");
    }

    @Test
    void theAutumnNightWakesAt06CetNotAnHourEarly() {
        ManualClock clock = new ManualClock(Instant.parse("2026-10-24T19:00:00Z")); // 21:00 CEST
        presence(clock, false);
        clock.advanceTo(Instant.parse("2026-10-24T20:00:00Z"));
        assertEquals(List.of("sleep"), actions.take(), "22:00 CEST");
        clock.advanceTo(Instant.parse("2026-10-25T04:59:59Z"));
        assertEquals(List.of(), actions.take(), "05:59:59 CET");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("wake"), actions.take(), "06:00 CET, 9 real hours after it began");
    }

    @Test
    void startingInAnOffTimePutsTheDisplayToSleep() {
        ManualClock clock = new ManualClock(Instant.parse("2026-10-25T01:30:00Z")); // the second 02:30
        presence(clock, false);
        assertEquals(List.of("sleep"), actions.take());
    }

    @Test
    void motionDoesNotWakeTheDisplayInAnOffTimeButAPressDoesForTheWakeTime() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-28T22:00:00Z")); // 23:00 CET
        Presence presence = presence(clock, false);
        presence.motionSensor(Duration.ofMinutes(10));
        assertEquals(List.of("sleep"), actions.take());
        presence.motion(true);
        presence.motion(false);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), actions.take(), "people walking past at night do not light it");

        presence.pressed(ButtonAction.NEXT_PAGE, null);
        assertEquals(List.of("wake"), actions.take(), "a press lights it (and only that)");
        clock.advance(Duration.ofMinutes(4));
        presence.motion(true);
        presence.motion(false);
        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertEquals(List.of(), actions.take(), "motion keeps a display that a press woke awake");
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("sleep"), actions.take(), "5 minutes (the wake time) after the last activity");
    }

    @Test
    void motionWakesTheDisplayInAnOffTimeWhenConfiguredTo() {
        ManualClock clock = new ManualClock(Instant.parse("2026-03-28T22:00:00Z"));
        Presence presence = presence(clock, true);
        presence.motionSensor(Duration.ofMinutes(10));
        actions.take();
        presence.motion(true);
        presence.motion(false);
        assertEquals(List.of("wake"), actions.take());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(List.of("sleep"), actions.take());
    }

    @Test
    void anOffTimeThatBeginsWhileSomebodyIsThereStillPutsTheDisplayToSleep() {
        ManualClock clock = new ManualClock(Instant.parse("2026-05-04T19:59:00Z")); // 21:59 CEST
        Presence presence = presence(clock, false);
        presence.motionSensor(Duration.ofMinutes(10));
        presence.motion(true);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of("sleep"), actions.take());
    }

    @Test
    void changingTheOffTimesAppliesThemAtOnce() {
        ManualClock clock = new ManualClock(Instant.parse("2026-05-04T21:00:00Z")); // 23:00 CEST
        Presence presence = presence(clock, false);
        assertEquals(List.of("sleep"), actions.take());
        presence.configure(new Presence.Settings(OffSchedule.none(BERLIN), false, Duration.ofMinutes(5)));
        assertEquals(List.of("wake"), actions.take());
    }
}
