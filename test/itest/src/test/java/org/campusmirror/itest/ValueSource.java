package org.campusmirror.itest;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/** A data source for the fixture's source widget: a local HTTP server answering {@code GET /value} with a text the test sets. */
final class ValueSource implements AutoCloseable {
    private final HttpServer server;
    private volatile byte[] value = "first".getBytes(StandardCharsets.UTF_8);

    ValueSource() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/value", exchange -> {
            byte[] body = value;
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/value";
    }

    void set(String text) {
        value = text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
