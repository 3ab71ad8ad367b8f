package org.campusmirror.mirror.runtime.internal.power;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: arguments reach the program as configured, with no shell, a small environment, a time limit. */
@Timeout(30)
class CommandRunnerTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private final CommandRunner runner = new CommandRunner(Map.of("PATH", "/usr/bin:/bin", "HOME", "/var/lib/mirror",
            "MIRROR_ADMIN_PASSWORD", "s3cret", "LD_PRELOAD", "/tmp/evil.so"));

    private static PowerCommand command(String line) {
        return new PowerCommand(CommandLine.split(line), Map.of(), null);
    }

    @Test
    void argumentsReachTheProgramLiterallyWithNoShellInBetween(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("marker");
        CommandRunner.Result result = runner.run(command(
                "printf '[%s]' $HOME * ~ '$(touch " + marker + ")' \"a b\""), LIMIT);
        assertTrue(result.succeeded(), result.describe(LIMIT));
        assertEquals("[$HOME][*][~][$(touch " + marker + ")][a b]", result.output());
        assertFalse(Files.exists(marker), "no command substitution ran");
    }

    @Test
    void theCommandGetsOnlyTheInheritedVariablesAndThePresetsOwn() throws Exception {
        CommandRunner.Result result = runner.run(new PowerCommand(List.of("env"), Map.of("WAYLAND_DISPLAY",
                "wayland-0"), null), LIMIT);
        assertEquals(List.of("HOME=/var/lib/mirror", "PATH=/usr/bin:/bin", "WAYLAND_DISPLAY=wayland-0"),
                result.output().lines().sorted().toList());
    }

    @Test
    void standardInputCarriesTheCommandsInput() throws Exception {
        CommandRunner.Result result = runner.run(new PowerCommand(List.of("cat"), Map.of(), "standby 0\n"), LIMIT);
        assertEquals("standby 0\n", result.output());
    }

    @Test
    void aFailureKeepsTheExitCodeAndOutputForTheLog() throws Exception {
        CommandRunner.Result result = runner.run(command("ls /nonexistent-folder"), LIMIT);
        assertFalse(result.succeeded());
        assertEquals(Integer.valueOf(2), result.exitCode());
        assertTrue(result.describe(LIMIT).startsWith("exit code 2, output: ls: cannot access"), result.describe(LIMIT));
    }

    @Test
    void aMissingProgramIsAFailureNotAnException() throws Exception {
        CommandRunner.Result result = runner.run(command("/nonexistent/wlopm --off HDMI-A-1"), LIMIT);
        assertFalse(result.succeeded());
        assertTrue(result.describe(LIMIT).startsWith("could not start: "), result.describe(LIMIT));
    }

    @Test
    void aCommandOverItsTimeLimitIsKilledWithItsChildren() throws Exception {
        // sh starts a child sleep: both must go.
        CommandRunner.Result result = runner.run(new PowerCommand(List.of("sh", "-c", "sleep 60 & echo $!; wait"),
                Map.of(), null), Duration.ofMillis(500));
        assertTrue(result.timedOut());
        assertNull(result.exitCode());
        long child = Long.parseLong(result.output().strip());
        assertTrue(killed(child), "the child sleep was killed");
        assertEquals("still running after 0 s, killed, output: " + child, result.describe(Duration.ofMillis(500)));
    }

    /**
     * Whether the process is gone or a zombie (killed; in a container whose init reaps nothing, an orphan stays a
     * zombie, which ProcessHandle still calls alive). Waits at most 5 s for the signal to land.
     */
    private static boolean killed(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        for (int attempt = 0; attempt < 50; attempt++) {
            if (!Files.exists(stat)) {
                return true;
            }
            String text = Files.readString(stat);
            char state = text.charAt(text.lastIndexOf(')') + 2);
            if (state == 'Z' || state == 'X') {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void endlessOutputIsCutAtTheLimit() throws Exception {
        CommandRunner.Result result = runner.run(command("yes"), Duration.ofMillis(500));
        assertTrue(result.timedOut());
        assertEquals(CommandRunner.MAX_OUTPUT, result.output().length());
    }
}
