package org.campusmirror.mirror.widgets.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 400 MB streamed body against a JVM with a 32 MB heap: with a 4 MB limit the fetch is refused and the JVM
 * lives; with a limit above the heap the same fetch runs out of memory, which shows the heap is really that small.
 */
@Timeout(120)
class SmallHeapTest {
    private static final long BODY = 400L << 20;

    private final HttpTestServer server = new HttpTestServer();

    SmallHeapTest() throws IOException {
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void theLimitKeepsASmallHeapAlive() throws Exception {
        server.route("/huge", exchange -> server.stream(exchange, "application/json", BODY, false));
        assertEquals("refused " + BodyTooLargeException.class.getSimpleName(), probe(4L << 20));
        assertTrue(server.bytesWritten.get() < 64L << 20, "server wrote " + server.bytesWritten.get());
    }

    @Test
    void withoutAUsefulLimitTheSameHeapRunsOut() throws Exception {
        server.route("/huge", exchange -> server.stream(exchange, "application/json", BODY, false));
        assertEquals("out of memory", probe(BODY));
    }

    private String probe(long limit) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx32m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), HugeBodyProbe.class.getName(),
                server.uri("/huge").toString(), Long.toString(limit)))
                .redirectErrorStream(true).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("probe did not finish");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String[] lines = output.split("\n");
        return lines[lines.length - 1].strip();
    }

    /** Runs in the small JVM: one fetch, one line saying how it ended. */
    public static final class HugeBodyProbe {
        public static void main(String[] args) {
            try (PoliteHttpFetcher fetcher = new PoliteHttpFetcher(HttpFetcherSettings.defaults("0.1.0")
                    .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(60)))) {
                FetchResponse response = fetcher.fetch(FetchRequest.get(java.net.URI.create(args[0]))
                        .withMaxBytes(Long.parseLong(args[1])));
                System.out.println("read " + response.body().length);
            } catch (BodyTooLargeException e) {
                System.out.println("refused " + e.getClass().getSimpleName());
            } catch (IOException e) {
                boolean oom = false;
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    oom |= cause instanceof OutOfMemoryError;
                }
                System.out.println(oom ? "out of memory" : "failed " + e);
            } catch (OutOfMemoryError e) {
                System.out.println("out of memory");
            }
        }
    }
}
