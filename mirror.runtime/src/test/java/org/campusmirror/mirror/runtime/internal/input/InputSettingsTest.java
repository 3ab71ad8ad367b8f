package org.campusmirror.mirror.runtime.internal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.campusmirror.mirror.runtime.internal.TestConfigs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks of the button, motion and off-time configurations an admin can save. */
class InputSettingsTest {

    private static String buttonProblem(Map<String, Object> values) {
        ButtonConfig config = TestConfigs.create(ButtonConfig.class, values);
        return assertThrows(IllegalArgumentException.class, () -> ButtonSettings.from(config)).getMessage();
    }

    @Test
    void theDefaultsAreTheWiringTablesNextPageButton() {
        ButtonSettings settings = ButtonSettings.from(TestConfigs.create(ButtonConfig.class, Map.of()));
        assertEquals(new PinSettings(17, Pull.UP, ActiveLevel.LOW), settings.pin());
        assertEquals(ButtonAction.NEXT_PAGE, settings.shortPress());
        assertEquals(ButtonAction.NONE, settings.longPress());
        assertEquals(Duration.ofMillis(20), settings.debounce());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "pin|28|pin 28 is not a GPIO of the 40-pin header (BCM 0-27)",
        "pin|-1|pin -1 is not a GPIO of the 40-pin header (BCM 0-27)",
        "pin|seventeen|pin: For input string: \"seventeen\"",
        "pull|SIDEWAYS|pull: No enum constant",
        "activeLevel|MEDIUM|activeLevel: No enum constant",
        "debounceMillis|5000|debounceMillis 5000 is not 0-1000",
        "longPressMillis|50|longPressMillis 50 is not 100-10000",
        "shortPress|REBOOT|shortPress: No enum constant"})
    void refusesAButtonValue(String key, String value, String problem) {
        String message = buttonProblem(Map.of("name", "next", key, value));
        assertTrue(message.startsWith("button 'next': " + problem), message);
    }

    @Test
    void namesEveryProblemOfAButtonAtOnce() {
        String message = buttonProblem(Map.of("pin", 40, "shortPress", "NAMED_ACTION", "shortPressName",
                "<script>", "longPress", "NAMED_ACTION"));
        assertEquals("button 'button': pin 40 is not a GPIO of the 40-pin header (BCM 0-27); shortPressName "
                + "'<script>' is not 1-64 letters, digits, '.', '_' or '-'; longPressName '' is not 1-64 letters, "
                + "digits, '.', '_' or '-'", message);
    }

    @Test
    void aLongPressMustOutlastTheDebounce() {
        assertEquals("button 'button': longPressMillis 200 must be longer than debounceMillis 300",
                buttonProblem(Map.of("longPress", "SLEEP", "longPressMillis", 200, "debounceMillis", 300)));
        ButtonSettings.from(TestConfigs.create(ButtonConfig.class, Map.of("longPressMillis", 200,
                "debounceMillis", 300))); // no long-press action: the threshold does not matter
    }

    @Test
    void theMotionDefaultsAreTheWiringTablesSensor() {
        MotionSensor.Settings settings = MotionSensor.Settings.from(TestConfigs.create(MotionConfig.class, Map.of()));
        assertEquals(new PinSettings(4, Pull.OFF, ActiveLevel.HIGH), settings.pin());
        assertEquals(Duration.ofMinutes(10), settings.inactivity());
    }

    @Test
    void refusesAMotionSensorWithoutInactivity() {
        MotionConfig config = TestConfigs.create(MotionConfig.class, Map.of("inactivityMinutes", 0, "pin", 99));
        assertEquals("motion sensor: pin 99 is not a GPIO of the 40-pin header (BCM 0-27); inactivityMinutes 0 is "
                + "not 1-1440", assertThrows(IllegalArgumentException.class,
                        () -> MotionSensor.Settings.from(config)).getMessage());
    }

    @Test
    void offTimesAreParsedOrRefusedWhole() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Presence.Settings settings = PresenceComponent.parse(TestConfigs.create(ScheduleConfig.class,
                Map.of("offTimes", new String[] {"Mon-Fri 22:00-06:00", " ", "Sat,Sun 00:00-24:00"},
                        "motionWakes", true)), zone);
        assertEquals(2, settings.schedule().offTimes().size());
        assertTrue(settings.motionWakesInOffTime());

        ScheduleConfig wrong = TestConfigs.create(ScheduleConfig.class,
                Map.of("offTimes", new String[] {"Mon-Fri 22:00-06:00", "weekends"}, "wakeMinutes", 0));
        assertEquals("off-times: wakeMinutes 0 is not 1-1440; 'weekends' is not like 'Mon-Fri 22:00-06:00'",
                assertThrows(IllegalArgumentException.class, () -> PresenceComponent.parse(wrong, zone)).getMessage());
        assertTrue(PresenceComponent.settings(wrong, zone).schedule().isEmpty(),
                "a wrong configuration means no off-times, never a failed presence (buttons go on)");
    }
}
