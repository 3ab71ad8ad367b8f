package org.campusmirror.mirror.widgets.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server for widget tests: fixture bodies with real content types, error statuses, slow and endless
 * answers. {@link #download()} is the framework's {@link Download} with short timeouts, so the widgets are tested
 * through the real fetch path.
 */
public final class FixtureServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    public final AtomicInteger requests = new AtomicInteger();

    public FixtureServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    /** The fetch path the widgets use, with a 2 s request timeout. */
    public static Download download() {
        return JdkDownload.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public FixtureServer body(String path, int status, String contentType, byte[] body) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return this;
    }

    /** Answers only after {@code delay} (headers and all). */
    public FixtureServer slow(String path, Duration delay) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            sleep(delay);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        return this;
    }

    /** Sends headers at once, then a body that never ends (a byte now and then, chunked). */
    public FixtureServer trickle(String path) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "text/calendar");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 600; i++) {
                    out.write('X');
                    out.flush();
                    sleep(Duration.ofMillis(100));
                }
            } catch (IOException closedByClient) {
                // the client gave up, as it should
            }
        });
        return this;
    }

    /** A body of {@code size} bytes, without Content-Length (chunked), so only counting while reading stops it. */
    public FixtureServer huge(String path, long size, boolean declareLength) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, declareLength ? size : 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'A');
            try (OutputStream out = exchange.getResponseBody()) {
                for (long sent = 0; sent < size; sent += chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, size - sent));
                }
            } catch (IOException closedByClient) {
                // the client stopped reading at its limit
            }
        });
        return this;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

}
