package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

/** One page (tab) of a {@link Browser}: navigate, evaluate script, wait for a condition, take a screenshot. */
final class BrowserPage implements AutoCloseable {
    private final Browser browser;
    private final String target;
    private final String session;
    private final List<String> console = new CopyOnWriteArrayList<>();

    BrowserPage(Browser browser, String target, String session) {
        this.browser = browser;
        this.target = target;
        this.session = session;
        browser.onEvent(event -> {
            if (session.equals(event.path("sessionId").asText())) {
                String method = event.path("method").asText();
                if ("Runtime.consoleAPICalled".equals(method)) {
                    StringBuilder line = new StringBuilder(event.path("params").path("type").asText()).append(':');
                    event.path("params").path("args").forEach(arg -> line.append(' ')
                            .append(arg.has("value") ? arg.path("value").asText() : arg.path("description").asText()));
                    console.add(line.toString());
                } else if ("Runtime.exceptionThrown".equals(method)) {
                    console.add("exception: " + event.path("params").path("exceptionDetails").path("exception")
                            .path("description").asText());
                }
            }
        });
    }

    JsonNode call(String method, Map<String, ?> params) throws IOException, InterruptedException {
        return browser.call(session, method, params);
    }

    void navigate(String url) throws IOException, InterruptedException {
        call("Page.navigate", Map.of("url", url));
    }

    void reload() throws IOException, InterruptedException {
        call("Page.reload", Map.of());
    }

    /** The value of a JavaScript expression (awaited when it is a promise), as JSON. */
    JsonNode evaluate(String expression) throws IOException, InterruptedException {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IOException("script failed: " + expression + ": " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until {@code condition} (a JavaScript expression) is truthy; fails with {@code what} and the log. */
    void await(String what, Duration timeout, String condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                JsonNode value = evaluate("!!(" + condition + ")");
                if (value.asBoolean()) {
                    return;
                }
            } catch (IOException notYet) {
                last = notYet.getMessage();
            }
            Thread.sleep(100);
        }
        fail(what + ": not within " + timeout.toSeconds() + " s (" + condition + ") " + last + "\nconsole: " + console);
    }

    /** The text of the first element {@code selector} matches, or null when none does. */
    String text(String selector) throws IOException, InterruptedException {
        JsonNode value = evaluate("(() => { const e = document.querySelector(" + quote(selector)
                + "); return e ? e.textContent : null; })()");
        return value.isNull() ? null : value.asText();
    }

    /** The messages the page logged (console calls and uncaught exceptions). */
    List<String> console() {
        return List.copyOf(console);
    }

    void screenshot(Path file) throws IOException, InterruptedException {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        browser.call(null, "Target.closeTarget", Map.of("targetId", target));
    }
}
