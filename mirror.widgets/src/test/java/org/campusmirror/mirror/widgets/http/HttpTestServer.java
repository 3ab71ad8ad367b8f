package org.campusmirror.mirror.widgets.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP server for tests of the fetcher and the widgets: routes by path prefix, fixture files from the
 * test resources with real content types, and a record of every request's headers.
 */
public final class HttpTestServer implements AutoCloseable {
    /** One request as the server saw it. */
    public record Seen(String method, URI uri, Headers headers) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-http-server");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** Body bytes handlers wrote, for tests that check a client stopped reading. */
    public final AtomicLong bytesWritten = new AtomicLong();

    public HttpTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Serves {@code path} (and everything below it) with {@code handler}, recording each request. */
    public HttpTestServer route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders()));
            try (exchange) {
                handler.handle(exchange);
            } catch (IOException clientGone) {
                // the client hung up (a limit or a timeout on its side): what several tests want
            }
        });
        return this;
    }

    /** A 200 with {@code body} and {@code contentType}. */
    public HttpTestServer fixture(String path, String contentType, byte[] body) {
        return route(path, exchange -> send(exchange, 200, contentType, body));
    }

    /** A 200 with a test resource as the body, e.g. {@code canteen/meals.json}. */
    public HttpTestServer resource(String path, String contentType, String resource) {
        return fixture(path, contentType, resourceBytes(resource));
    }

    /** A status with no body and the given headers. */
    public HttpTestServer status(String path, int status, Map<String, String> headers) {
        return route(path, exchange -> {
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(status, -1);
        });
    }

    public List<Seen> requests() {
        return List.copyOf(seen);
    }

    /** Requests whose path starts with {@code path}. */
    public long count(String path) {
        return seen.stream().filter(request -> request.uri().getPath().startsWith(path)).count();
    }

    /** Sends a complete answer; a null content type sends none. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A body of {@code size} bytes written in 64 KiB chunks, counted in {@link #bytesWritten}. */
    public void stream(HttpExchange exchange, String contentType, long size, boolean declareLength)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, declareLength ? size : 0);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < size; sent += chunk.length) {
                int length = (int) Math.min(chunk.length, size - sent);
                out.write(chunk, 0, length);
                bytesWritten.addAndGet(length);
            }
        }
    }

    /** Takes the request and never answers (until the server closes). */
    public HttpTestServer silent(String path) {
        return route(path, exchange -> pause(Duration.ofMinutes(5)));
    }

    /** Sends the headers at once, then a body of one byte every 100 ms for a minute. */
    public HttpTestServer trickle(String path, String contentType) {
        return route(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < 600 && !Thread.currentThread().isInterrupted(); i++) {
                out.write(' ');
                out.flush();
                pause(Duration.ofMillis(100));
            }
        });
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static byte[] resourceBytes(String resource) {
        try (InputStream in = HttpTestServer.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
