package org.campusmirror.mirror.runtime.internal.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campusmirror.mirror.runtime.internal.TestConfigs;
import org.junit.jupiter.api.Test;

/** The commands each preset builds, and the configurations that are refused before anything runs. */
class PowerCommandsTest {
    private static final Optional<Path> RUNTIME_DIR = Optional.of(Path.of("/run/user/1000"));

    private static PowerCommands commands(Map<String, Object> values) {
        return PowerCommands.from(TestConfigs.create(DisplayPowerConfig.class, values), RUNTIME_DIR);
    }

    private static String refusal(Map<String, Object> values) {
        return assertThrows(IllegalArgumentException.class, () -> commands(values)).getMessage();
    }

    @Test
    void theDefaultIsWlopmOnHdmiA1() {
        PowerCommands commands = commands(Map.of());
        assertEquals(PowerPreset.WLOPM, commands.preset());
        assertEquals(List.of("wlopm", "--on", "HDMI-A-1"), commands.on().argv());
        assertEquals(List.of("wlopm", "--off", "HDMI-A-1"), commands.off().argv());
        assertEquals("wayland-0", commands.off().environment().get("WAYLAND_DISPLAY"));
        assertEquals(Duration.ofSeconds(10), commands.timeout());
        if (System.getenv("XDG_RUNTIME_DIR") == null) {
            assertEquals("/run/user/1000", commands.off().environment().get("XDG_RUNTIME_DIR"),
                    "a service has no XDG_RUNTIME_DIR, so the user's is given");
        }
    }

    @Test
    void wlopmTakesAnAbsoluteSocketAndAllOutputs() {
        PowerCommands commands = commands(Map.of("output", "*", "waylandDisplay", "/run/user/1000/wayland-1"));
        assertEquals(List.of("wlopm", "--off", "*"), commands.off().argv());
        assertEquals(Map.of("WAYLAND_DISPLAY", "/run/user/1000/wayland-1"), commands.off().environment());
    }

    @Test
    void xsetGetsItsDisplayAndAuthority() {
        PowerCommands commands = commands(Map.of("preset", "XSET", "x11Display", ":1",
                "xauthority", "/home/pi/.Xauthority"));
        assertEquals(List.of("xset", "dpms", "force", "on"), commands.on().argv());
        assertEquals(List.of("xset", "dpms", "force", "off"), commands.off().argv());
        assertEquals(Map.of("DISPLAY", ":1", "XAUTHORITY", "/home/pi/.Xauthority"), commands.on().environment());
    }

    @Test
    void cecClientReadsItsCommandFromStandardInput() {
        PowerCommands commands = commands(Map.of("preset", "CEC", "cecAddress", 4));
        assertEquals(List.of("cec-client", "-s", "-d", "1"), commands.on().argv());
        assertEquals("on 4\n", commands.on().input());
        assertEquals("standby 4\n", commands.off().input());
    }

    @Test
    void customCommandsAreSplitIntoArguments() {
        PowerCommands commands = commands(Map.of("preset", "CUSTOM", "onCommand", "/usr/local/bin/relay 'hall 1' on",
                "offCommand", "relay off", "timeoutSeconds", 3));
        assertEquals(List.of("/usr/local/bin/relay", "hall 1", "on"), commands.on().argv());
        assertEquals(List.of("relay", "off"), commands.off().argv());
        assertEquals(Duration.ofSeconds(3), commands.timeout());
    }

    @Test
    void noneHasNoCommands() {
        PowerCommands commands = commands(Map.of("preset", "NONE"));
        assertNull(commands.on());
        assertEquals(List.of(), commands.missingPrograms("/usr/bin"));
    }

    @Test
    void refusesArgumentsThatCouldBeOptionsOrCarrySpaces() {
        assertEquals("display power: output '--help' is not an output name like HDMI-A-1, or *",
                refusal(Map.of("output", "--help")));
        assertEquals("display power: output 'HDMI A 1' is not an output name like HDMI-A-1, or *",
                refusal(Map.of("output", "HDMI A 1")));
        assertEquals("display power: waylandDisplay '-x' is not a socket name like wayland-0 or an absolute path",
                refusal(Map.of("waylandDisplay", "-x")));
        assertEquals("display power: x11Display ':0; reboot' is not a display like :0; xauthority '.Xauthority' is "
                + "not an absolute path", refusal(Map.of("preset", "XSET", "x11Display", ":0; reboot",
                        "xauthority", ".Xauthority")));
    }

    @Test
    void refusesCustomCommandsThatCannotWork() {
        String message = refusal(Map.of("preset", "CUSTOM", "onCommand", "", "offCommand",
                "wlopm --off HDMI-A-1 && echo done"));
        assertTrue(message.startsWith("display power: onCommand: the command is empty; offCommand: "), message);
        assertTrue(message.contains("uses shell syntax (&)"), message);
        assertEquals("display power: onCommand: the program 'bin/relay' is a relative path; give an absolute path or "
                + "a name on PATH", refusal(Map.of("preset", "CUSTOM", "onCommand", "bin/relay on",
                        "offCommand", "relay off")));
    }

    @Test
    void refusesLimitsOutOfRangeAndUnknownPresets() {
        assertEquals("display power: timeoutSeconds 0 is not 1-120; cecAddress 16 is not 0-15",
                refusal(Map.of("preset", "CEC", "timeoutSeconds", 0, "cecAddress", 16)));
        assertTrue(refusal(Map.of("preset", "VCGENCMD")).startsWith("display power: preset: No enum constant"));
    }

    @Test
    void findsProgramsOnThePath() {
        PowerCommands commands = commands(Map.of("preset", "CUSTOM", "onCommand", "true", "offCommand",
                "/nonexistent/off"));
        assertEquals(List.of("/nonexistent/off"), commands.missingPrograms("/usr/bin:/bin"));
        assertEquals(List.of("wlopm"), commands(Map.of()).missingPrograms("/nonexistent"));
    }
}
