package org.campusmirror.ws.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;

import org.campusmirror.ws.deflate.PerMessageDeflateOptions;
import org.campusmirror.ws.protocol.CloseStatus;
import org.campusmirror.ws.protocol.ProtocolLimits;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Peers that misbehave, one test each: the server closes them with the right code or status, keeps serving
 * well-behaved clients meanwhile, and its memory stays bounded.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@Tag("own-jvm") // measures the heap or counts threads: surefire runs it in a JVM of its own (pom.xml)
class BadInputTest {
    private static final ProtocolLimits SMALL = ProtocolLimits.DEFAULTS.withHandshakeTimeout(Duration.ofMillis(800))
            .withMaxFramePayload(64 << 10).withMaxMessageSize(256 << 10).withClosingTimeout(Duration.ofSeconds(2));

    private final BlockingQueue<Integer> serverCloses = new LinkedBlockingQueue<>();
    private final BlockingQueue<WebSocket> serverSockets = new LinkedBlockingQueue<>();
    private final WebSocketEndpoint echo = new WebSocketEndpoint() {
        @Override
        public void onOpen(WebSocket socket) {
            serverSockets.add(socket);
        }

        @Override
        public void onTextUtf8(WebSocket socket, ByteBuffer utf8) {
            socket.sendText(utf8);
        }

        @Override
        public void onBinary(WebSocket socket, ByteBuffer data) {
            socket.sendBinary(data);
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason) {
            serverCloses.add(code);
        }
    };

    private WebSocketServer server(ServerLimits limits) throws IOException {
        return Loopback.server().limits(limits).endpoint("/echo", echo,
                EndpointOptions.builder().deflate(PerMessageDeflateOptions.DEFAULTS).build()).build().start();
    }

    private static void assertEchoes(WebSocketServer server) throws Exception {
        try (WebSocketClient client = WebSocketClient.builder().build()) {
            Recorder recorder = new Recorder();
            WebSocket socket = Loopback.connect(client, server, "/echo", recorder);
            socket.sendText("still here");
            assertEquals("still here", recorder.next().data());
            socket.close();
            recorder.awaitClose();
        }
    }

    @Test
    void slowlorisHandshakesAreDroppedAtTheTimeLimitWhileOthersAreServed() throws Exception {
        try (WebSocketServer server = server(ServerLimits.DEFAULTS.withProtocol(SMALL))) {
            byte[] request = Loopback.upgradeRequest("/echo", "").getBytes(StandardCharsets.ISO_8859_1);
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Socket socket = new Socket(Loopback.ADDRESS, server.port());
                socket.setSoTimeout(5000);
                slow.add(socket);
            }
            long start = System.nanoTime();
            int sent = 0;
            boolean served = false;
            while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(1500)) {
                for (Socket socket : slow) {
                    try {
                        OutputStream out = socket.getOutputStream();
                        out.write(request[sent % request.length]);
                        out.flush();
                    } catch (IOException dropped) {
                        // the server gave up on it: expected after the limit
                    }
                }
                sent++;
                if (!served) {
                    assertEchoes(server); // a good client is served while 60 connections dribble
                    served = true;
                }
                Thread.sleep(100);
            }
            for (Socket socket : slow) {
                assertEquals(-1, readOrReset(socket), "the slow handshake was dropped");
                socket.close();
            }
            assertEquals(60, server.stats().handshakeTimeouts());
            assertEquals(1, server.stats().upgraded(), "only the good client upgraded");
        }
    }

    private static int readOrReset(Socket socket) {
        try {
            return socket.getInputStream().read();
        } catch (IOException reset) {
            return -1;
        }
    }

    @Test
    void connectionsBeyondTheLimitGet503AndTheServerStaysResponsive() throws Exception {
        try (WebSocketServer server = server(ServerLimits.DEFAULTS.withMaxConnections(20))) {
            List<RawPeer> admitted = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                admitted.add(RawPeer.open(server, "/echo"));
            }
            for (int i = 0; i < 40; i++) {
                String head = Loopback.rawExchange(server, Loopback.upgradeRequest("/echo", ""));
                assertTrue(head.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), head);
            }
            assertEquals(40, server.stats().refusedOverLimit(), server.stats().toString());
            assertEquals(20, server.stats().openConnections());
            RawPeer first = admitted.get(0);
            first.sendFrame(1, "admitted".getBytes(StandardCharsets.UTF_8));
            assertEquals("admitted", new String(first.readFrame().payload(), StandardCharsets.UTF_8));
            for (RawPeer peer : admitted) {
                peer.close();
            }
            awaitOpen(server, 0);
            assertEchoes(server); // room again
        }
    }

    @Test
    void peerThatNeverReadsIsPausedAndItsQueueStaysBounded() throws Exception {
        long high = 512 << 10;
        ServerLimits limits = ServerLimits.DEFAULTS.withWaterMarks(high, 128 << 10)
                .withSlowConsumer(SlowConsumerPolicy.CLOSE, Duration.ofMillis(1500))
                .withProtocol(SMALL);
        try (WebSocketServer server = server(limits); RawPeer greedy = RawPeer.open(server, "/echo")) {
            greedy.socket.setReceiveBufferSize(16 << 10);
            WebSocket serverSide = serverSockets.poll(5, TimeUnit.SECONDS);
            long heapBefore = IdleMemoryTest.heapAfterGc();
            AtomicLong written = new AtomicLong();
            byte[] frame = RawPeer.frame(0x82, new byte[60 << 10]);
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < 2000; i++) {
                        greedy.send(frame);
                        written.addAndGet(frame.length);
                    }
                } catch (IOException stopped) {
                    // the server closed it in the end
                }
            }, "greedy-writer");
            writer.setDaemon(true);
            writer.start();
            long maxQueued = 0;
            for (int i = 0; i < 20; i++) {
                Thread.sleep(50);
                maxQueued = Math.max(maxQueued, serverSide.bufferedAmount());
            }
            long heapDuring = IdleMemoryTest.heapAfterGc();
            System.out.printf("never-reading peer: wrote %d bytes, server queue at most %d bytes, heap +%d bytes%n",
                    written.get(), maxQueued, heapDuring - heapBefore);
            assertTrue(written.get() < 2000L * frame.length, "the server stopped reading: the peer's writes block");
            assertTrue(maxQueued <= high + IoLoopReadSize.BYTES + frame.length,
                    "queue bounded near the high-water mark: " + maxQueued);
            assertTrue(heapDuring - heapBefore < 16L << 20, "heap bounded: +" + (heapDuring - heapBefore));
            assertEquals(CloseStatus.ABNORMAL, serverCloses.poll(15, TimeUnit.SECONDS),
                    "slow consumer closed, then dropped when it did not read the close frame either");
            assertEquals(1, server.stats().slowConsumerCloses());
            assertEchoes(server);
        }
    }

    @Test
    void peersThatVanishAreCleanedUp() throws Exception {
        try (WebSocketServer server = server(ServerLimits.DEFAULTS.withProtocol(SMALL))) {
            RawPeer reset = RawPeer.open(server, "/echo");
            RawPeer finOnly = RawPeer.open(server, "/echo");
            awaitOpen(server, 2);
            reset.socket.setSoLinger(true, 0); // RST, no close frame
            reset.close();
            finOnly.socket.shutdownOutput(); // FIN, no close frame
            assertEquals(CloseStatus.ABNORMAL, serverCloses.poll(10, TimeUnit.SECONDS));
            assertEquals(CloseStatus.ABNORMAL, serverCloses.poll(10, TimeUnit.SECONDS));
            awaitOpen(server, 0);
            finOnly.close();
            assertEchoes(server);
        }
    }

    @Test
    void oversizedFrameIsClosedWith1009() throws Exception {
        try (WebSocketServer server = server(ServerLimits.DEFAULTS.withProtocol(SMALL));
                RawPeer peer = RawPeer.open(server, "/echo")) {
            // only the header of a 1 MiB frame: the limit is decided from the header alone
            peer.send(new byte[] {(byte) 0x82, (byte) (0x80 | 127), 0, 0, 0, 0, 0, 0x10, 0, 0, 1, 2, 3, 4});
            assertEquals(CloseStatus.MESSAGE_TOO_BIG, peer.readUntilClose().closeCode());
            assertTrue(peer.closedByServer());
            assertEquals(1, server.stats().protocolErrors());
        }
    }

    @Test
    void oversizedFragmentedMessageIsClosedWith1009() throws Exception {
        try (WebSocketServer server = server(ServerLimits.DEFAULTS.withProtocol(SMALL));
                RawPeer peer = RawPeer.open(server, "/echo")) {
            byte[] part = new byte[60 << 10];
            peer.send(RawPeer.frame(0x02, part)); // binary, not final
            for (int i = 0; i < 5; i++) {
                peer.send(RawPeer.frame(0x00, part)); // continuations: 360 KiB > 256 KiB
            }
            assertEquals(CloseStatus.MESSAGE_TOO_BIG, peer.readUntilClose().closeCode());
        }
    }

    @Test
    void deflateBombIsClosedWith1009WithoutInflatingIt() throws Exception {
        try (WebSocketServer server = server(ServerLimits.DEFAULTS.withProtocol(SMALL));
                RawPeer peer = RawPeer.open(server, "/echo", "Sec-WebSocket-Extensions: permessage-deflate\r\n")) {
            byte[] bomb = compressedZeros(64 << 20); // 64 MiB of zeros in about 64 KiB
            long heapBefore = IdleMemoryTest.heapAfterGc();
            int chunk = 60 << 10;
            peer.send(RawPeer.frame(0x40 | 0x02 | (bomb.length <= chunk ? 0x80 : 0),
                    java.util.Arrays.copyOf(bomb, Math.min(chunk, bomb.length))));
            RawPeer.Frame close = peer.readUntilClose();
            assertEquals(CloseStatus.MESSAGE_TOO_BIG, close.closeCode());
            long heapAfter = IdleMemoryTest.heapAfterGc();
            assertTrue(heapAfter - heapBefore < 8L << 20, "heap bounded: +" + (heapAfter - heapBefore));
            assertEchoes(server);
        }
    }

    private static byte[] compressedZeros(int size) {
        Deflater deflater = new Deflater(9, true);
        byte[] zeros = new byte[1 << 20];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[64 << 10];
        for (int fed = 0; fed < size; fed += zeros.length) {
            deflater.setInput(zeros);
            int n;
            while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH)) > 0) {
                out.write(buffer, 0, n);
            }
        }
        int n;
        while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
            out.write(buffer, 0, n);
        }
        deflater.end();
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOf(all, all.length - 4); // RFC 7692 7.2.1: drop 00 00 ff ff
    }

    private static void awaitOpen(WebSocketServer server, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (server.stats().openConnections() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("open connections: " + server.stats().openConnections() + ", not " + expected);
            }
            Thread.sleep(20);
        }
    }

    /** One read of the loop may land after the queue crossed the mark. */
    private static final class IoLoopReadSize {
        static final long BYTES = 64 << 10;
    }
}
