package org.campusmirror.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A third-party peer running as a child process that reports one JSON object per line on stdout, each with an
 * {@code event} field. Lines are collected as they come; tests wait for events with a bounded timeout.
 * stderr goes to a file, shown when something fails. Closing kills the process and all its descendants.
 */
final class PeerProcess implements AutoCloseable {
    static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final Process process;
    private final Path stderr;
    private final List<JsonNode> events = new ArrayList<>();
    private final Map<String, Integer> consumed = new HashMap<>();
    private final Thread reader;

    private PeerProcess(String name, Process process, Path stderr) {
        this.name = name;
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readLines, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} in {@code directory}; stdin stays an open pipe so the peer ends when we do. */
    static PeerProcess start(String name, List<String> command, Path directory) throws IOException {
        Path work = Peers.workFolder();
        Path stderr = Files.createTempFile(work, name + "-", ".stderr");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectError(stderr.toFile());
        return new PeerProcess(name, builder.start(), stderr);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not serialisable: " + value, e);
        }
    }

    private void readLines() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                add(parse(line));
            }
        } catch (IOException e) {
            add(JSON.createObjectNode().put("event", "stdout-error").put("message", e.toString()));
        }
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node != null && node.isObject() && node.has("event")) {
                return node;
            }
        } catch (IOException notJson) {
            // kept below as a plain line: a peer's stray output still shows up in failure messages
        }
        ObjectNode plain = JSON.createObjectNode();
        return plain.put("event", "stdout").put("line", line);
    }

    private synchronized void add(JsonNode event) {
        events.add(event);
        notifyAll();
    }

    /** The next event named {@code type} that no earlier call returned; fails after {@link #EVENT_TIMEOUT}. */
    JsonNode await(String type) throws InterruptedException {
        return await(type, EVENT_TIMEOUT);
    }

    synchronized JsonNode await(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int seen = 0;
            int wanted = consumed.getOrDefault(type, 0);
            for (JsonNode event : events) {
                if (event.path("event").asText().equals(type) && seen++ == wanted) {
                    consumed.put(type, wanted + 1);
                    return event;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                return fail("no '" + type + "' event from " + name + " within " + timeout + describe());
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
    }

    /** Every event of {@code type} so far. */
    synchronized List<JsonNode> all(String type) {
        return events.stream().filter(e -> e.path("event").asText().equals(type)).toList();
    }

    /** Waits for the peer to exit by itself and returns its exit code; fails (and kills it) after the timeout. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            String state = describe();
            close();
            return fail(name + " did not exit within " + timeout + state);
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return process.exitValue();
    }

    /** What the peer said so far, for failure messages. */
    synchronized String describe() {
        StringBuilder text = new StringBuilder("\n--- ").append(name).append(" events:\n");
        for (JsonNode event : events) {
            String line = event.toString();
            text.append(line.length() > 400 ? line.substring(0, 400) + "..." : line).append('\n');
        }
        text.append("--- stderr:\n").append(stderrTail());
        return text.toString();
    }

    private String stderrTail() {
        try {
            String all = Files.readString(stderr, StandardCharsets.UTF_8);
            return all.length() > 4000 ? "..." + all.substring(all.length() - 4000) : all;
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Kills the peer and every process it started (a browser starts many), then waits for them. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(process.toHandle());
        family.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : family) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                handle.destroyForcibly();
            }
        }
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
