package org.campusmirror.mirror.runtime.internal.power;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link PowerCommand}: {@link ProcessBuilder} with its argument list (no shell), its environment, its input,
 * a time limit after which the process and its children are killed, and stdout and stderr captured together up to
 * {@value #MAX_OUTPUT} bytes (a chatty command cannot fill the heap). Blocks the calling thread, which is
 * {@link PowerSwitch}'s own.
 */
final class CommandRunner {
    static final int MAX_OUTPUT = 4096;
    private static final Duration KILL_WAIT = Duration.ofSeconds(2);

    /** How a run went. */
    record Result(Integer exitCode, boolean timedOut, String output, String error) {
        boolean succeeded() {
            return exitCode != null && exitCode == 0 && !timedOut;
        }

        /** One line for the log. */
        String describe(Duration timeout) {
            if (error != null) {
                return "could not start: " + error;
            }
            String how = timedOut ? "still running after " + timeout.toSeconds() + " s, killed" : "exit code " + exitCode;
            return output.isBlank() ? how + ", no output" : how + ", output: " + output.strip();
        }
    }

    private final Map<String, String> parentEnvironment;

    CommandRunner(Map<String, String> parentEnvironment) {
        this.parentEnvironment = Map.copyOf(parentEnvironment);
    }

    Result run(PowerCommand command, Duration timeout) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command.argv()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(command.childEnvironment(parentEnvironment));
        if (command.input() == null) {
            builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Result(null, false, "", e.getMessage());
        }
        BoundedOutput output = new BoundedOutput(process.getInputStream());
        output.start();
        if (command.input() != null) {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(command.input().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // The program exited without reading its input: its exit code and output say why.
            }
        }
        boolean finished = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        output.join(KILL_WAIT.toMillis());
        return new Result(finished ? process.exitValue() : null, !finished, output.text(), null);
    }

    /** Drains a process's output, keeping the first {@value #MAX_OUTPUT} bytes. */
    private static final class BoundedOutput extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        BoundedOutput(InputStream in) {
            super("mirror-display-power-output");
            setDaemon(true);
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[1024];
            try (in) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    synchronized (kept) {
                        kept.write(buffer, 0, Math.min(read, Math.max(0, MAX_OUTPUT - kept.size())));
                    }
                }
            } catch (IOException e) {
                // The process was killed: keep what came before.
            }
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
