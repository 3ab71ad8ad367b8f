package org.campusmirror.installer;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end, bounded in time; a command that outlives its bound is killed with its children. */
final class Shell {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    /** What a finished command did. */
    record Result(List<String> command, int exit, String out, String err) {
        /** Fails the test, showing everything the command said, unless it exited with 0. */
        Result requireSuccess() {
            if (exit != 0) {
                fail(describe());
            }
            return this;
        }

        String describe() {
            return String.join(" ", command) + "\nexit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Shell() {
    }

    static Result run(List<String> command) throws IOException, InterruptedException {
        return run(command, Map.of(), DEFAULT_TIMEOUT);
    }

    static Result run(List<String> command, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("shell-out", ".txt");
        Path err = Files.createTempFile("shell-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(
                    Path.of("/dev/null").toFile())).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                fail(String.join(" ", command) + " did not end within " + timeout + "\n" + Files.readString(out)
                        + Files.readString(err));
            }
            return new Result(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Kills a process this test started, and everything it started. */
    static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    static boolean runningAsRoot() throws IOException, InterruptedException {
        return run(List.of("id", "-u")).out().strip().equals("0");
    }
}
