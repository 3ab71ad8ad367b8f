package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * {@code /mirror} under bad clients: a display that sends anything is closed with 1008 (displays only listen); a
 * display that never reads is shed by the WebSocket server's slow-consumer policy while a real display in Chromium
 * goes on updating. The server gets small limits (64 KiB high-water mark, 1 s grace) through its configuration,
 * and a source widget sends about 200 kB a second.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DisplaySocketTest {
    private static final String PASSWORD = "display-socket-test-password";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private MirrorProcess mirror;
    private ValueSource source;
    private String bulk;

    @BeforeAll
    void startMirror() throws Exception {
        Path home = MirrorProcess.workFolder("display-socket").resolve("home");
        FixtureWidgets.deploy(home.resolve("deploy"));
        mirror = MirrorProcess.start(MirrorProcess.Options.in(home).withProperty("mirror.admin.password", PASSWORD))
                .awaitReady();
        console().saveConfiguration("org.campusmirror.ws.server", Map.of("high.water.bytes", "65536",
                "low.water.bytes", "16384", "slow.consumer.grace.ms", "1000"));
        source = new ValueSource();
        source.set(bulkText('a'));
        bulk = console().createFactoryConfiguration(FixtureWidgets.SOURCE, Map.of("widget.region", "bottom_bar",
                "widget.title", "Bulk", "url", source.url()));
        // The server restarts with the new limits: wait until the new one listens and /mirror is served again.
        Eventually.await("WebSocket server restarted", () -> mirror.output()
                .split("WebSocket server listening on port", -1).length > 2);
        Eventually.await("WebSocket server back", () -> console().mirrorState().has("webSocket"));
    }

    @AfterAll
    void stop() throws Exception {
        if (mirror != null) {
            mirror.close();
        }
        if (source != null) {
            source.close();
        }
    }

    @Test
    void aDisplayThatSendsAnythingIsClosedWith1008() throws Exception {
        CompletableFuture<String> snapshot = new CompletableFuture<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        StringBuilder first = new StringBuilder();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + mirror.options().wsPort() + "/mirror"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        first.append(data);
                        if (last) {
                            snapshot.complete(first.toString());
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                        closed.complete(code);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        assertTrue(snapshot.get(30, TimeUnit.SECONDS).startsWith("{\"v\":1,\"type\":\"snapshot\""));
        socket.sendText("next page, please", true);
        assertEquals(1008, closed.get(30, TimeUnit.SECONDS));
    }

    @Test
    void aDisplayThatNeverReadsIsShedWhileOthersGoOn() throws Exception {
        long shedBefore = console().mirrorState().path("webSocket").path("slowConsumerCloses").asLong();
        try (Browser browser = Browser.launch(); Socket deaf = new Socket()) {
            BrowserPage page = browser.open("http://127.0.0.1:" + mirror.options().httpPort() + "/", 1080, 1920);
            String tile = "document.querySelector('[data-widget-id=\"" + bulk + "\"] .source-value')";
            page.await("the display shows the bulk data", WAIT, tile + " && " + tile + ".textContent.startsWith('aaa')");

            deaf.setReceiveBufferSize(4096);
            deaf.connect(new InetSocketAddress("127.0.0.1", mirror.options().wsPort()), 10_000);
            OutputStream out = deaf.getOutputStream();
            out.write(("GET /mirror HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "User-Agent: never-reads\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // ... and from now on it reads nothing, while 200 kB a second are broadcast.

            Eventually.await("the deaf display is shed", WAIT, () -> console().mirrorState().path("webSocket")
                    .path("slowConsumerCloses").asLong() > shedBefore);
            source.set(bulkText('b'));
            page.await("the real display goes on", WAIT, tile + ".textContent.startsWith('bbb')");

            assertEquals(1008, closeCodeAtTheEnd(deaf.getInputStream()), "policy violation, after what it never read");
        }
    }

    /** Reads the 101 response and every frame up to the close frame, whose code it returns (-1 without one). */
    private static int closeCodeAtTheEnd(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("no handshake response");
            }
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
        }
        while (true) {
            int head;
            try {
                head = in.readUnsignedByte();
            } catch (EOFException end) {
                return -1;
            }
            int opcode = head & 0x0F;
            long length = in.readUnsignedByte() & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            if (opcode == 8) {
                return length >= 2 ? in.readUnsignedShort() : 1005;
            }
            in.skipNBytes(length);
        }
    }

    private static String bulkText(char letter) {
        return String.valueOf(letter).repeat(200_000);
    }

    private ConsoleClient console() {
        return new ConsoleClient(mirror.options().httpPort(), "admin", PASSWORD);
    }
}
