package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol: one browser process per
 * test class, pages opened as targets and spoken to through flat sessions on the browser's one WebSocket. Closing
 * it closes the browser and deletes its profile, always.
 */
final class Browser implements AutoCloseable {
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--no-default-browser-check", "--hide-scrollbars", "--mute-audio",
            "--remote-debugging-port=0");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    private final List<Consumer<JsonNode>> eventListeners = new CopyOnWriteArrayList<>();
    private final List<String> output = new CopyOnWriteArrayList<>();

    private Browser(Process process, Path profile, URI endpoint) throws IOException, InterruptedException {
        this.process = process;
        this.profile = profile;
        try {
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(CALL_TIMEOUT)
                    .buildAsync(endpoint, new Listener()).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot reach Chromium's DevTools at " + endpoint, e);
        }
    }

    /** Starts Chromium and connects to it; {@code extraFlags} come after the usual ones. */
    static Browser launch(String... extraFlags) throws IOException, InterruptedException {
        String chromium = System.getProperty("itest.chromium", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            fail("no Chromium at " + chromium + ": `apt-get install chromium chromium-driver` (bin/test-prerequisites installs them)");
        }
        Path profile = MirrorProcess.workFolder("chromium-profile");
        List<String> command = new ArrayList<>(List.of(chromium));
        command.addAll(FLAGS);
        command.addAll(List.of(extraFlags));
        command.add("--user-data-dir=" + profile);
        command.add("about:blank");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    int at = line.indexOf("DevTools listening on ");
                    if (at >= 0) {
                        endpoint.complete(URI.create(line.substring(at + "DevTools listening on ".length()).strip()));
                    }
                }
            } catch (IOException ended) {
                // the process is gone
            }
            endpoint.completeExceptionally(new IOException("Chromium ended: " + String.join("\n", lines)));
        }, "chromium-output");
        reader.setDaemon(true);
        reader.start();
        try {
            Browser browser = new Browser(process, profile, endpoint.get(60, TimeUnit.SECONDS));
            browser.output.addAll(lines);
            return browser;
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("Chromium did not start: " + String.join("\n", lines), e);
        }
    }

    /** Opens {@code url} in a new page of {@code width} x {@code height} CSS pixels. */
    BrowserPage open(String url, int width, int height) throws IOException, InterruptedException {
        return openWithHeaders(url, width, height, Map.of());
    }

    /** The same, with {@code headers} on every request of the page (e.g. the console's Authorization). */
    BrowserPage openWithHeaders(String url, int width, int height, Map<String, String> headers)
            throws IOException, InterruptedException {
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        String session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        BrowserPage page = new BrowserPage(this, target, session);
        page.call("Runtime.enable", Map.of());
        page.call("Page.enable", Map.of());
        page.call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
        if (!headers.isEmpty()) {
            page.call("Network.enable", Map.of());
            page.call("Network.setExtraHTTPHeaders", Map.of("headers", headers));
        }
        page.navigate(url);
        return page;
    }

    JsonNode call(String session, String method, Map<String, ?> params) throws IOException, InterruptedException {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (session != null) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        calls.put(id, answer);
        synchronized (socket) {
            socket.sendText(JSON.writeValueAsString(message), true).join();
        }
        try {
            JsonNode response = answer.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (response.has("error")) {
                throw new IOException(method + " failed: " + response.path("error"));
            }
            return response.path("result");
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(method + " got no answer", e);
        } finally {
            calls.remove(id);
        }
    }

    void onEvent(Consumer<JsonNode> listener) {
        eventListeners.add(listener);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            call(null, "Browser.close", Map.of());
        } catch (IOException alreadyGone) {
            // killed below anyway
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Chromium may still write a file while it ends; the work folder is under target/
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> call = calls.get(message.get("id").asLong());
                        if (call != null) {
                            call.complete(message);
                        }
                    } else {
                        eventListeners.forEach(listener -> listener.accept(message));
                    }
                } catch (IOException e) {
                    output.add("unreadable DevTools message: " + e);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
