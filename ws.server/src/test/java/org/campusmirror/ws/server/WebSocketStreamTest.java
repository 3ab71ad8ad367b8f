package org.campusmirror.ws.server;

import org.campusmirror.ws.server.osgi.EchoEndpointComponent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.campusmirror.ws.protocol.CloseStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The streams API: bytes through Input/OutputStream with backpressure both ways, on either side. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WebSocketStreamTest {

    @Test
    void bytesWrittenComeBackThroughAnEcho() throws Exception {
        try (WebSocketServer server = Loopback.server().endpoint("/echo", new EchoEndpointComponent()).build().start();
                WebSocketClient client = WebSocketClient.builder().build()) {
            WebSocketStream stream = new WebSocketStream(256 << 10);
            client.connect(Loopback.uri(server, "/echo"), ClientOptions.DEFAULTS, stream).get(10, TimeUnit.SECONDS);
            byte[] data = new byte[5 << 20];
            new Random(1).nextBytes(data);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (OutputStream out = stream.output()) {
                    for (int at = 0; at < data.length; at += 64 << 10) {
                        out.write(data, at, Math.min(64 << 10, data.length - at));
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            byte[] back = stream.input().readNBytes(data.length);
            writer.get(30, TimeUnit.SECONDS);
            assertArrayEquals(data, back);
            assertEquals(-1, stream.input().read(), "closing the output closed the connection: input ends");
            assertEquals(CloseStatus.NORMAL, stream.closeCode());
        }
    }

    @Test
    void slowReaderPausesThePeerInsteadOfBuffering() throws Exception {
        int messages = 256;
        int size = 32 << 10;
        BlockingQueue<WebSocket> serverSide = new LinkedBlockingQueue<>();
        WebSocketEndpoint flood = new WebSocketEndpoint() {
            @Override
            public void onOpen(WebSocket socket) {
                serverSide.add(socket);
                for (int i = 0; i < messages; i++) {
                    socket.sendBinary(ByteBuffer.allocate(size));
                }
            }
        };
        try (WebSocketServer server = Loopback.server().endpoint("/flood", flood).build().start();
                WebSocketClient client = WebSocketClient.builder().build()) {
            long limit = 128 << 10;
            WebSocketStream stream = new WebSocketStream(limit);
            client.connect(Loopback.uri(server, "/flood"), ClientOptions.DEFAULTS, stream).get(10, TimeUnit.SECONDS);
            WebSocket sender = serverSide.poll(5, TimeUnit.SECONDS);
            Thread.sleep(500); // the reader does nothing yet
            InputStream in = stream.input();
            assertTrue(in.available() <= limit + 2L * IoLoopReads.READ_BUFFER, "client buffered only about its limit: "
                    + in.available());
            assertTrue(sender.bufferedAmount() > 0 || in.available() < messages * (long) size,
                    "the rest waits at the sender or in TCP, not in the stream");
            long total = 0;
            byte[] buffer = new byte[8192];
            while (total < (long) messages * size) {
                int n = in.read(buffer);
                assertTrue(n > 0);
                total += n;
            }
            assertEquals((long) messages * size, total);
        }
    }

    @Test
    void serverSideStreamServesAThreadOfItsOwn() throws Exception {
        WebSocketEndpoint shouting = new WebSocketEndpoint() {
            @Override
            public void onOpen(WebSocket socket) {
                WebSocketStream stream = WebSocketStream.attach(socket);
                Thread worker = new Thread(() -> {
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.input(),
                            StandardCharsets.UTF_8)); OutputStream out = stream.output()) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            out.write((line.toUpperCase(Locale.ROOT) + "\n").getBytes(StandardCharsets.UTF_8));
                        }
                    } catch (java.io.IOException e) {
                        // the connection ended
                    }
                }, "shouter");
                worker.setDaemon(true);
                worker.start();
            }
        };
        try (WebSocketServer server = Loopback.server().endpoint("/shout", shouting).build().start();
                WebSocketClient client = WebSocketClient.builder().build()) {
            WebSocketStream stream = new WebSocketStream();
            client.connect(Loopback.uri(server, "/shout"), ClientOptions.DEFAULTS, stream).get(10, TimeUnit.SECONDS);
            stream.output().write("guten morgen\nmensa heute\n".getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            while (!got.toString(StandardCharsets.UTF_8).equals("GUTEN MORGEN\nMENSA HEUTE\n")) {
                int b = stream.input().read();
                assertTrue(b >= 0, "ended early: " + got);
                got.write(b);
            }
            stream.output().close();
            assertEquals(-1, stream.input().read());
        }
    }

    /** The loop's read size: one read may land in the stream after it asked to pause. */
    private static final class IoLoopReads {
        static final long READ_BUFFER = 64 << 10;
    }
}
