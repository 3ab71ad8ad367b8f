package org.campusmirror.mirror.runtime.internal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.campusmirror.mirror.runtime.internal.TestConfigs;

import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Buttons on Pi4J's mock provider: the pin is driven with {@link MockDigitalInput#mockState}, time by hand. */
class ButtonTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-05-04T10:00:00Z"));
    private final RecordingActions actions = new RecordingActions();
    private Pi4jInputs gpio;
    private Presence presence;

    @BeforeEach
    void start() {
        gpio = Pi4jInputs.mock();
        presence = new Presence(actions, clock, new Presence.Settings(OffSchedule.none(ZoneId.of("Europe/Berlin")),
                false, Duration.ofMinutes(5)));
        presence.start();
    }

    @AfterEach
    void stop() {
        gpio.close();
    }

    private Button button(Map<String, Object> config) throws PinUnavailableException {
        Map<String, Object> values = new HashMap<>(Map.of("name", "test", "pin", 17));
        values.putAll(config);
        return new Button(ButtonSettings.from(TestConfigs.create(ButtonConfig.class, values)), gpio, clock, presence);
    }

    private MockDigitalInput pin(int bcm) {
        MockDigitalInput input = gpio.context().registry().get(Pi4jInputs.ioId(bcm));
        input.mockState(DigitalState.HIGH); // released: the pull-up holds the line high
        return input;
    }

    /** Drives the pin low (pressed) for {@code held}, then high, with no bounce. */
    private void press(MockDigitalInput pin, Duration held) {
        pin.mockState(DigitalState.LOW);
        clock.advance(held);
        pin.mockState(DigitalState.HIGH);
        clock.advance(Duration.ofMillis(100));
    }

    @Test
    void withoutLongPressActionAPressActsOnceWhenItHasHeldForTheDebounceTime() throws Exception {
        button(Map.of("shortPress", "NEXT_PAGE"));
        MockDigitalInput pin = pin(17);
        pin.mockState(DigitalState.LOW);
        clock.advance(Duration.ofMillis(19));
        assertEquals(List.of(), actions.take(), "not yet: the level has held for 19 of 20 ms");
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("nextPage"), actions.take(), "acts on press, while the button is down");
        pin.mockState(DigitalState.HIGH);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), actions.take(), "the release does nothing");
    }

    @Test
    void bouncesOfAPressAndOfItsReleaseMakeOnePress() throws Exception {
        button(Map.of("shortPress", "NEXT_PAGE", "debounceMillis", 20));
        MockDigitalInput pin = pin(17);
        for (int bounce = 0; bounce < 5; bounce++) {
            pin.mockState(DigitalState.LOW);
            clock.advance(Duration.ofMillis(2));
            pin.mockState(DigitalState.HIGH);
            clock.advance(Duration.ofMillis(3));
        }
        pin.mockState(DigitalState.LOW);
        clock.advance(Duration.ofMillis(300));
        for (int bounce = 0; bounce < 5; bounce++) {
            pin.mockState(DigitalState.HIGH);
            clock.advance(Duration.ofMillis(1));
            pin.mockState(DigitalState.LOW);
            clock.advance(Duration.ofMillis(4));
        }
        pin.mockState(DigitalState.HIGH);
        clock.advance(Duration.ofMillis(300));
        assertEquals(List.of("nextPage"), actions.take());
    }

    @Test
    void aGlitchShorterThanTheDebounceTimeIsNoPress() throws Exception {
        button(Map.of("debounceMillis", 20));
        MockDigitalInput pin = pin(17);
        press(pin, Duration.ofMillis(15));
        assertEquals(List.of(), actions.take());
    }

    @Test
    void withALongPressActionAShortPressActsOnReleaseAndALongOneWhileHeld() throws Exception {
        button(Map.of("shortPress", "NEXT_PAGE", "longPress", "PREVIOUS_PAGE", "longPressMillis", 800));
        MockDigitalInput pin = pin(17);

        pin.mockState(DigitalState.LOW);
        clock.advance(Duration.ofMillis(500));
        assertEquals(List.of(), actions.take(), "a short press waits for its release");
        pin.mockState(DigitalState.HIGH);
        clock.advance(Duration.ofMillis(100));
        assertEquals(List.of("nextPage"), actions.take());

        pin.mockState(DigitalState.LOW);
        clock.advance(Duration.ofMillis(819));
        assertEquals(List.of(), actions.take(), "800 ms after the debounced press, not before");
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("previousPage"), actions.take(), "a long press fires while still held");
        clock.advance(Duration.ofSeconds(5));
        pin.mockState(DigitalState.HIGH);
        clock.advance(Duration.ofMillis(100));
        assertEquals(List.of(), actions.take(), "its release does nothing more");
    }

    @Test
    void aNamedActionReachesTheWidgetsByName() throws Exception {
        button(Map.of("shortPress", "NONE", "longPress", "NAMED_ACTION", "longPressName", "next-item"));
        MockDigitalInput pin = pin(17);
        press(pin, Duration.ofMillis(100));
        press(pin, Duration.ofSeconds(2));
        assertEquals(List.of("action:next-item"), actions.take());
    }

    @Test
    void aPressOnASleepingDisplayOnlyWakesItButASleepButtonTogglesAsConfigured() throws Exception {
        button(Map.of("shortPress", "NEXT_PAGE"));
        button(Map.of("pin", 22, "shortPress", "TOGGLE_SLEEP"));
        MockDigitalInput next = pin(17);
        MockDigitalInput sleep = pin(22);

        press(sleep, Duration.ofMillis(100));
        press(next, Duration.ofMillis(100));
        press(next, Duration.ofMillis(100));
        press(sleep, Duration.ofMillis(100));
        press(sleep, Duration.ofMillis(100));
        assertEquals(List.of("sleep", "wake", "nextPage", "sleep", "wake"), actions.take());
    }

    @Test
    void aPinHeldByOneInputIsRefusedToAnotherAndFreedWhenClosed() throws Exception {
        Button first = button(Map.of("name", "next"));
        PinUnavailableException refused = assertThrows(PinUnavailableException.class,
                () -> button(Map.of("name", "other")));
        assertEquals("BCM 17 is already used by button 'next'", refused.getMessage());

        first.close();
        button(Map.of("name", "other", "shortPress", "WAKE"));
        MockDigitalInput pin = pin(17);
        actions.sleep();
        actions.take();
        press(pin, Duration.ofMillis(100));
        assertEquals(List.of("wake"), actions.take(), "the new owner gets the pin's edges");
    }

    @Test
    void aClosedButtonNoLongerActs() throws Exception {
        Button button = button(Map.of("shortPress", "NEXT_PAGE"));
        MockDigitalInput pin = pin(17);
        pin.mockState(DigitalState.LOW);
        button.close();
        clock.advance(Duration.ofSeconds(1));
        pin.mockState(DigitalState.HIGH);
        pin.mockState(DigitalState.LOW);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of(), actions.take());
        assertTrue(clock.pending() == 0, "no timer left behind");
    }
}
