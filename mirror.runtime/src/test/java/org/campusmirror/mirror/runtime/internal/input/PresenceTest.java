package org.campusmirror.mirror.runtime.internal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The motion sensor's inactivity timer, with a hand-driven clock. */
class PresenceTest {
    private static final Duration INACTIVITY = Duration.ofMinutes(10);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-05-04T10:00:00Z"));
    private final RecordingActions actions = new RecordingActions();
    private final Presence presence = new Presence(actions, clock,
            new Presence.Settings(OffSchedule.none(ZoneId.of("Europe/Berlin")), false, Duration.ofMinutes(5)));

    @BeforeEach
    void start() {
        presence.start();
        presence.motionSensor(INACTIVITY);
    }

    private void trigger() {
        presence.motion(true);
        presence.motion(false);
    }

    @Test
    void theDisplaySleepsWhenTheInactivityTimeHasPassedWithoutMotion() {
        clock.advance(INACTIVITY.minusMillis(1));
        assertEquals(List.of(), actions.take());
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("sleep"), actions.take());
        clock.advance(Duration.ofHours(3));
        assertEquals(List.of(), actions.take(), "it stays asleep");
    }

    @Test
    void eachTriggerRestartsTheTimerWithOneTaskScheduledAtATime() {
        for (int minute = 0; minute < 30; minute++) {
            clock.advance(Duration.ofMinutes(1));
            trigger();
            assertTrue(clock.pending() <= 1, "one task, not one per trigger: " + clock.pending());
        }
        assertEquals(List.of(), actions.take());
        clock.advance(INACTIVITY.minusMillis(1));
        assertEquals(List.of(), actions.take());
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("sleep"), actions.take());
    }

    @Test
    void motionWakesASleepingDisplayAndTheTimerStartsAgain() {
        clock.advance(INACTIVITY);
        assertEquals(List.of("sleep"), actions.take());
        clock.advance(Duration.ofHours(1));
        trigger();
        assertEquals(List.of("wake"), actions.take());
        clock.advance(INACTIVITY);
        assertEquals(List.of("sleep"), actions.take());
    }

    @Test
    void nobodyIsIdleWhileTheSensorHoldsItsOutputActive() {
        presence.motion(true);
        clock.advance(INACTIVITY.multipliedBy(3));
        assertEquals(List.of(), actions.take(), "a PIR holds its output while it sees movement");
        presence.motion(false);
        clock.advance(INACTIVITY.minusMillis(1));
        assertEquals(List.of(), actions.take());
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("sleep"), actions.take(), "counted from the moment the output went inactive");
    }

    @Test
    void aButtonPressCountsAsActivity() {
        clock.advance(Duration.ofMinutes(8));
        presence.pressed(ButtonAction.NEXT_PAGE, null);
        clock.advance(Duration.ofMinutes(8));
        assertEquals(List.of("nextPage"), actions.take());
        clock.advance(Duration.ofMinutes(2));
        assertEquals(List.of("sleep"), actions.take());
    }

    @Test
    void theSensorGoingInactiveDoesNotWakeADisplayPutToSleepByAButton() {
        presence.motion(true);
        presence.pressed(ButtonAction.TOGGLE_SLEEP, null);
        presence.motion(false);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of("sleep"), actions.take());
    }

    @Test
    void aDisplayWokenFromTheConsoleSleepsAgainAfterTheInactivityTime() {
        clock.advance(INACTIVITY);
        assertEquals(List.of("sleep"), actions.take());
        actions.wake(); // the console's virtual button: the runtime's state changes, no event reaches Presence
        actions.take();
        clock.advance(Presence.RECHECK);
        assertEquals(List.of(), actions.take(), "noticed at the next check, and counted from there");
        clock.advance(INACTIVITY);
        assertEquals(List.of("sleep"), actions.take());
    }

    @Test
    void withoutAMotionSensorTheDisplayNeverSleepsForInactivityAndNothingIsScheduled() {
        presence.motionSensor(null);
        clock.advance(Duration.ofDays(2));
        assertEquals(List.of(), actions.take());
        assertEquals(0, clock.pending());
    }
}
