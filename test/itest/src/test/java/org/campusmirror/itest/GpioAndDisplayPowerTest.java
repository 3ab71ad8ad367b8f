package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GPIO in the real jar on a machine without GPIO: Pi4J's mock provider with one log line saying why, the default
 * buttons of the wiring table created once, and the chain from an off-time through the runtime's sleep to the
 * configured display-power command, configured the way an admin can: files dropped into {@code deploy/}.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class GpioAndDisplayPowerTest {
    private static final String PASSWORD = "gpio-test-password";
    private static final String MOCK_LINE = "GPIO: Pi4J mock provider, no GPIO chip found: os.arch is ";
    private static final List<String> DEFAULT_BUTTONS = List.of("Button 'next' on BCM 17: NEXT_PAGE",
            "Button 'previous' on BCM 27: PREVIOUS_PAGE", "Button 'sleep' on BCM 22: TOGGLE_SLEEP");

    private static long count(String text, String part) {
        return Pattern.compile(Pattern.quote(part)).matcher(text).results().count();
    }

    /** Puts a whole file into deploy/ at once: File Install must never see it half written. */
    private static void drop(Path deploy, String name, String content) throws Exception {
        Path draft = deploy.resolveSibling(name + ".draft");
        Files.writeString(draft, content, StandardCharsets.UTF_8);
        Files.move(draft, deploy.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void withoutGpioTheMockProviderRunsTheDefaultButtonsAndOffTimesSwitchThePanel() throws Exception {
        String arch = System.getProperty("os.arch");
        Assumptions.assumeFalse(arch.startsWith("aarch64") || arch.startsWith("arm"), "this test is for a machine "
                + "without Pi4J's gpiod library");
        Path work = MirrorProcess.workFolder("gpio");
        Path home = work.resolve("home");
        Path switched = work.resolve("panel.log");
        Path script = work.resolve("panel.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$1\" >> '" + switched + "'\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

        MirrorProcess.Options options = MirrorProcess.Options.in(home).withProperty("mirror.admin.password", PASSWORD);
        try (MirrorProcess mirror = MirrorProcess.start(options).awaitReady()) {
            for (String button : DEFAULT_BUTTONS) {
                mirror.awaitOutput(button, Duration.ofSeconds(30));
            }
            String output = mirror.output();
            assertEquals(1, count(output, MOCK_LINE + arch), output);
            assertEquals(1, count(output, "Created the default buttons"), output);
            assertFalse(output.contains("com.pi4j") || output.contains("c.pi4j") || output.contains("c.p.b."),
                    "Pi4J's own start narration and board errors stay out of the log:\n" + output);

            // An off-time all day: the display sleeps at once; the custom command then switches the panel to match.
            Path deploy = home.resolve("deploy");
            drop(deploy, "org.campusmirror.mirror.schedule.cfg", "offTimes=[\"00:00-24:00\"]\n");
            mirror.awaitOutput("Off-times (Europe/Berlin): 00:00-24:00", Duration.ofSeconds(30));
            drop(deploy, "org.campusmirror.mirror.displaypower.cfg",
                    "preset=CUSTOM\nonCommand=" + script + " on\noffCommand='" + script + "' off\n");
            Eventually.await("the panel switched off", () -> Files.exists(switched)
                    && Files.readAllLines(switched).equals(List.of("off")));

            // The console's virtual buttons act through the same MirrorActions: wake and sleep switch the panel too.
            ConsoleClient console = new ConsoleClient(options.httpPort(), "admin", PASSWORD);
            assertEquals(303, console.mirrorAction("wake", Map.of()).statusCode());
            Eventually.await("the console woke the panel", () -> Files.readAllLines(switched)
                    .equals(List.of("off", "on")));
            assertFalse(console.mirrorState().path("asleep").asBoolean(true), "awake: " + console.mirrorState());
            assertEquals(303, console.mirrorAction("sleep", Map.of()).statusCode());
            Eventually.await("the console put the panel to sleep", () -> Files.readAllLines(switched)
                    .equals(List.of("off", "on", "off")));

            // A refused configuration: one line naming the problem, and the previous panel state is left alone.
            drop(deploy, "org.campusmirror.mirror.displaypower.cfg",
                    "preset=CUSTOM\nonCommand=" + script + " on ; reboot\noffCommand=" + script + " off\n");
            mirror.awaitOutput("Configuration org.campusmirror.mirror.displaypower refused, sleep only blanks the page "
                    + "until it is fixed: display power: onCommand: '" + script + " on ; reboot' uses shell syntax (;)",
                    Duration.ofSeconds(30));
            assertFalse(Pattern.compile("(ButtonComponent|MotionComponent|PresenceComponent|DisplayPowerComponent)"
                    + "\\S* : Error").matcher(mirror.output()).find(), "no activation failure:\n" + mirror.output());
            mirror.stop();
        }

        try (MirrorProcess again = MirrorProcess.start(options).awaitReady()) {
            for (String button : DEFAULT_BUTTONS) {
                again.awaitOutput(button, Duration.ofSeconds(30));
            }
            assertEquals(0, count(again.output(), "Created the default buttons"), "created on the first start only");
            again.stop();
        }
        assertEquals(List.of("off", "on", "off"), Files.readAllLines(switched), "a refused command never runs");
    }
}
