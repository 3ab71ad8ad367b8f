package org.campusmirror.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.campusmirror.ws.deflate.PerMessageDeflateOptions;
import org.campusmirror.ws.server.EndpointOptions;
import org.campusmirror.ws.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real headless Chromium (Debian's {@code chromium}) opens test/interop/chromium/page.html from a small local
 * HTTP server; the page's script connects to our server (permessage-deflate on, as Chromium always offers
 * it; an Origin allow-list naming the page's origin; a subprotocol), exchanges text and binary messages
 * small and large, gets pinged, closes, and POSTs what it saw back to the HTTP server, where the test reads it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ChromiumTest {
    private static final long REPORT_SECONDS = 90;
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--no-default-browser-check");

    @Test
    void pageExchangesMessagesWithOurServerAndCloses() throws Exception {
        String chromium = Peers.chromium();
        byte[] page = Files.readAllBytes(Peers.chromiumFolder().resolve("page.html"));
        CompletableFuture<String> report = new CompletableFuture<>();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        http.createContext("/page.html", exchange -> respond(exchange, 200, "text/html; charset=utf-8", page));
        http.createContext("/result", exchange -> {
            report.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(exchange, 204, null, new byte[0]);
        });
        http.createContext("/", exchange -> respond(exchange, 404, "text/plain", "not here".getBytes(StandardCharsets.UTF_8)));
        http.start();
        String origin = "http://127.0.0.1:" + http.getAddress().getPort();

        EventRecorder echo = EventRecorder.echoing();
        Path profile = Files.createTempDirectory(Peers.workFolder(), "chromium-profile-");
        try (WebSocketServer server = OurServer.onLoopback().endpoint("/echo", echo, EndpointOptions.builder()
                .deflate(PerMessageDeflateOptions.DEFAULTS)
                .allowedOrigins(Set.of(origin))
                .subprotocols(List.of("mirror.v1"))
                .build()).build().start()) {
            // the page talks to our server through a relay that counts the bytes, to see the compression
            CountingRelay relay = CountingRelay.to(server.port());
            String url = origin + "/page.html?ws=" + encode("ws://127.0.0.1:" + relay.port() + "/echo")
                    + "&report=" + encode("/result");
            List<String> command = Peers.concat(List.of(chromium));
            command.addAll(FLAGS);
            command.add("--user-data-dir=" + profile);
            command.add(url);
            try (relay; PeerProcess browser = PeerProcess.start("chromium", command, Peers.workFolder())) {
                String text = awaitReport(report, browser);
                // kept for whoever reads a failure: what the page saw
                Files.writeString(Peers.workFolder().resolve("chromium-result.json"), text);
                JsonNode result = new ObjectMapper().readTree(text);
                check(result, echo);
                // 1.44 MB each way as messages, 1.14 MB of it repeated text: compressed, the random 300 kB remain
                assertTrue(relay.bytesToServer() < 600_000, "Chromium compressed: " + relay.bytesToServer());
                assertTrue(relay.bytesToClient() < 600_000, "our server compressed: " + relay.bytesToClient());
            }
        } finally {
            http.stop(0);
            deleteTree(profile);
        }
    }

    private static void check(JsonNode result, EventRecorder echo) throws InterruptedException {
        assertFalse(result.has("error"), "the page failed: " + result);
        assertTrue(result.path("userAgent").asText().contains("HeadlessChrome"), result.path("userAgent").asText());
        assertEquals("mirror.v1", result.path("protocol").asText());
        Set<String> agreed = DeflateParameters.of(result.path("extensions").asText());
        assertTrue(agreed != null, "Chromium offers permessage-deflate and we accept it: " + result.path("extensions"));
        assertEquals("permessage-deflate", echo.await("open").socket().extensions());

        List<String> names = List.of("text", "unicode", "binary", "large text", "large binary", "after ping");
        JsonNode exchanges = result.path("exchanges");
        assertEquals(names.size(), exchanges.size(), result.toString());
        for (int i = 0; i < names.size(); i++) {
            JsonNode exchange = exchanges.get(i);
            assertEquals(names.get(i), exchange.path("name").asText());
            assertEquals(exchange.path("sentSha256").asText(), exchange.path("echoSha256").asText(), "echo of " + exchange);
            assertEquals(exchange.path("sentBinary").asBoolean(), exchange.path("echoBinary").asBoolean(), "kind of " + exchange);
        }
        List<EventRecorder.Event> texts = echo.all("text");
        assertEquals("hello from Chromium", texts.get(0).text());
        assertEquals("Grüße aus der Mensa ☕ 👋", texts.get(1).text());
        assertEquals(exchanges.get(3).path("sentSha256").asText(), texts.get(2).sha256(), "our server inflated 1 MB");
        assertEquals(exchanges.get(4).path("sentSha256").asText(), echo.all("binary").get(1).sha256());
        assertEquals(300_000, exchanges.get(4).path("length").asInt());

        assertEquals("from-server", echo.await("pong").text(), "Chromium answered our ping");
        JsonNode close = result.path("close");
        assertEquals(1000, close.path("code").asInt(), close.toString());
        assertTrue(close.path("wasClean").asBoolean(), close.toString());
        EventRecorder.Event closed = echo.await("close");
        assertEquals(1000, closed.code());
        assertEquals("page done", closed.reason());
    }

    private static String awaitReport(CompletableFuture<String> report, PeerProcess browser) throws Exception {
        try {
            return report.get(REPORT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return fail("the page reported nothing within " + REPORT_SECONDS + " s" + browser.describe());
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().set("Content-Type", type);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
