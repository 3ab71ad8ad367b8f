package org.campusmirror.ws.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocket;

import org.campusmirror.ws.protocol.CloseStatus;
import org.campusmirror.ws.protocol.ProtocolLimits;
import org.campusmirror.ws.server.osgi.EchoEndpointComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lingering close: when our side ends a connection while the peer is still sending, the peer still gets
 * our last bytes (the close frame with its code, RFC 6455 section 7.4.1, or the refusal's status) and then a FIN,
 * not a reset. Every peer here is a blocking socket that writes everything first and reads afterwards, like a
 * client whose failed write ends the connection (npm ws): had we closed with its input unread, the kernel would
 * reset the connection, its write would fail and it would never read our answer. The messages are larger than
 * the loopback socket buffers of both sides, so the peer is still writing when we close; each case runs several
 * rounds.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LingeringCloseTest {
    private static final int LIMIT = 64 << 10;
    /** More than the socket buffers of both ends hold (loopback autotuning goes up to a few MiB each). */
    private static final int BIG = 16 << 20;
    private static final int ROUNDS = 8;
    private static final ServerLimits SMALL_MESSAGES =
            ServerLimits.DEFAULTS.withProtocol(ProtocolLimits.DEFAULTS.withMaxMessageSize(LIMIT));
    /** A masked binary frame of {@link #BIG} bytes: the server refuses it by its header. */
    private static final byte[] BIG_FRAME = RawPeer.frame(0x82, new byte[BIG]);

    @TempDir
    static Path folder;

    private static WebSocketServer echoServer(ServerLimits limits) throws IOException {
        return Loopback.server().limits(limits).endpoint("/echo", new EchoEndpointComponent()).build().start();
    }

    @Test
    void messageRefusedByItsHeaderStillGets1009ThenFin() throws Exception {
        try (WebSocketServer server = echoServer(SMALL_MESSAGES)) {
            for (int round = 0; round < ROUNDS; round++) {
                try (RawPeer peer = RawPeer.open(server, "/echo")) {
                    peer.send(BIG_FRAME); // fails here (reset) if the server closed under unread input
                    assertEquals(CloseStatus.MESSAGE_TOO_BIG, peer.readUntilClose().closeCode(), "round " + round);
                    assertEquals("FIN", peer.end(), "round " + round);
                }
            }
            assertEquals(ROUNDS, server.stats().protocolErrors());
        }
    }

    @Test
    void overTlsTheCloseFrameIsFollowedByCloseNotify() throws Exception {
        TlsConfig tls = SelfSignedKeyStore.create(folder);
        try (WebSocketServer server = Loopback.server().tls(tls).limits(SMALL_MESSAGES)
                .endpoint("/echo", new EchoEndpointComponent()).build().start()) {
            for (int round = 0; round < ROUNDS; round++) {
                SSLSocket socket = (SSLSocket) tls.trustingContext().getSocketFactory()
                        .createSocket(Loopback.ADDRESS, server.port());
                try (RawPeer peer = RawPeer.over(socket, "/echo", "")) {
                    peer.send(BIG_FRAME);
                    assertEquals(CloseStatus.MESSAGE_TOO_BIG, peer.readUntilClose().closeCode(), "round " + round);
                    // end of stream on a TLS socket means close_notify came (else: an SSLException, "reset")
                    assertEquals("FIN", peer.end(), "round " + round);
                }
            }
        }
    }

    @Test
    void ourClientRefusingABigMessageByItsHeaderStillDelivers1009() throws Exception {
        ClientOptions options = ClientOptions.builder().limits(SMALL_MESSAGES).build();
        try (ServerSocket listener = new ServerSocket(0, 50, Loopback.ADDRESS);
                WebSocketClient client = WebSocketClient.builder().build()) {
            URI uri = URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/big");
            for (int round = 0; round < ROUNDS; round++) {
                CompletableFuture<Integer> seenByPeer = CompletableFuture.supplyAsync(() -> sendBigFrame(listener));
                Recorder ours = new Recorder();
                client.connect(uri, options, ours).get(10, TimeUnit.SECONDS);
                assertEquals(CloseStatus.MESSAGE_TOO_BIG, seenByPeer.get(30, TimeUnit.SECONDS), "round " + round);
                ours.awaitClose();
            }
        }
    }

    /**
     * A raw server: accepts one connection, answers 101, writes an unmasked {@link #BIG} frame at once and then
     * reads our client's frames up to its close frame; returns that frame's code, or -1 for an I/O failure.
     */
    private static int sendBigFrame(ServerSocket listener) {
        try (Socket socket = listener.accept()) {
            socket.setSoTimeout(10_000);
            String head = Loopback.readHead(socket.getInputStream());
            String key = head.lines().filter(l -> l.regionMatches(true, 0, "Sec-WebSocket-Key:", 0, 18))
                    .map(l -> l.substring(18).strip()).findFirst().orElseThrow();
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + acceptKey(key) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] header = {(byte) 0x82, 127, 0, 0, 0, 0, (byte) (BIG >>> 24), (byte) (BIG >>> 16), (byte) (BIG >>> 8),
                    (byte) BIG};
            out.write(header);
            out.write(new byte[BIG]);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                int[] frame = readMaskedFrameCode(in);
                if (frame[0] == 8) {
                    return frame[1];
                }
            }
        } catch (IOException e) {
            return -1;
        }
    }

    /** Reads one masked frame; returns {opcode, close code (or 1005)}. */
    private static int[] readMaskedFrameCode(DataInputStream in) throws IOException {
        int opcode = in.readUnsignedByte() & 0x0F;
        long length = in.readUnsignedByte() & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] key = new byte[4];
        in.readFully(key);
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= key[i & 3];
        }
        int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : CloseStatus.NO_STATUS;
        return new int[] {opcode, code};
    }

    private static String acceptKey(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(
                    (key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void refusedHandshakeIsAnsweredWhileTheClientStillSends() throws Exception {
        try (WebSocketServer server = echoServer(ServerLimits.DEFAULTS)) {
            assertAnsweredWhileSending(server, "/nowhere", "HTTP/1.1 404 ");
            assertEquals(ROUNDS, server.stats().handshakesRejected());
        }
    }

    @Test
    void connectionOverTheLimitGets503WhileTheClientStillSends() throws Exception {
        try (WebSocketServer server = echoServer(ServerLimits.DEFAULTS.withMaxConnections(1));
                RawPeer admitted = RawPeer.open(server, "/echo")) {
            assertAnsweredWhileSending(server, "/echo", "HTTP/1.1 503 ");
            assertEquals(ROUNDS, server.stats().refusedOverLimit());
            admitted.sendFrame(1, "still served".getBytes(StandardCharsets.UTF_8));
            assertEquals("still served", new String(admitted.readFrame().payload(), StandardCharsets.UTF_8));
        }
    }

    /** Rounds of: an upgrade request for {@code path} and {@link #BIG} more bytes, then the answer's status line. */
    private static void assertAnsweredWhileSending(WebSocketServer server, String path, String statusLine)
            throws IOException {
        byte[] request = requestWithTrailingBytes(path);
        for (int round = 0; round < ROUNDS; round++) {
            try (Socket socket = new Socket(Loopback.ADDRESS, server.port())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(request); // fails (reset) if the server closed under unread input
                String head = Loopback.readHead(socket.getInputStream());
                assertTrue(head.startsWith(statusLine), "round " + round + ": " + head);
            }
        }
    }

    /** An upgrade request followed by {@link #BIG} more bytes, as a client that sends before it reads. */
    private static byte[] requestWithTrailingBytes(String path) {
        byte[] head = Loopback.upgradeRequest(path, "").getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = new byte[head.length + BIG];
        System.arraycopy(head, 0, request, 0, head.length);
        return request;
    }

    @Test
    void slowConsumerGets1008AfterItsEchoesEvenWhileItIsBlockedWriting() throws Exception {
        ServerLimits limits = ServerLimits.DEFAULTS.withWaterMarks(256 << 10, 64 << 10)
                .withSlowConsumer(SlowConsumerPolicy.CLOSE, Duration.ofMillis(500))
                .withProtocol(ProtocolLimits.DEFAULTS.withClosingTimeout(Duration.ofSeconds(5)));
        byte[] frames = manyFrames(2048, 16 << 10); // 32 MiB: far more than the buffers between us
        try (WebSocketServer server = echoServer(limits)) {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(16 << 10); // fills at once: the echoes queue up on the server
            socket.connect(new InetSocketAddress(Loopback.ADDRESS, server.port()));
            try (RawPeer peer = RawPeer.over(socket, "/echo", "")) {
                // Blocks once the server stops reading (its queue over the mark); returns only if the server reads
                // again after queuing its 1008, instead of resetting the connection after the closing timeout.
                peer.send(frames);
                RawPeer.Frame close = peer.readUntilClose();
                assertEquals(CloseStatus.POLICY_VIOLATION, close.closeCode());
            }
            assertEquals(1, server.stats().slowConsumerCloses());
        }
    }

    private static byte[] manyFrames(int count, int size) {
        byte[] frame = RawPeer.frame(0x82, new byte[size]);
        ByteArrayOutputStream all = new ByteArrayOutputStream(count * frame.length);
        for (int i = 0; i < count; i++) {
            all.write(frame, 0, frame.length);
        }
        return all.toByteArray();
    }

    @Test
    void lingeringConnectionIsCountedUntilThePeersFin() throws Exception {
        BlockingQueue<Integer> closes = new LinkedBlockingQueue<>();
        ServerLimits longLinger = SMALL_MESSAGES.withCloseLinger(Duration.ofSeconds(60));
        try (WebSocketServer server = Loopback.server().limits(longLinger)
                .endpoint("/echo", closeRecorder(closes)).build().start();
                RawPeer peer = RawPeer.open(server, "/echo")) {
            peer.send(tooBigHeader());
            assertEquals(CloseStatus.MESSAGE_TOO_BIG, peer.readUntilClose().closeCode());
            assertEquals(1, server.stats().openConnections(), "waiting for our FIN, still counted");
            assertEquals(List.of(), List.copyOf(closes), "not closed yet");
            peer.socket.shutdownOutput();
            // the peer's FIN ends it long before the 60 s linger
            assertEquals(CloseStatus.ABNORMAL, closes.poll(10, TimeUnit.SECONDS));
            assertEquals(0, server.stats().openConnections());
        }
    }

    @Test
    void lingeringConnectionEndsAtTheLingerTimeWithoutThePeersFin() throws Exception {
        BlockingQueue<Integer> closes = new LinkedBlockingQueue<>();
        ServerLimits shortLinger = SMALL_MESSAGES.withCloseLinger(Duration.ofMillis(300));
        try (WebSocketServer server = Loopback.server().limits(shortLinger)
                .endpoint("/echo", closeRecorder(closes)).build().start();
                RawPeer peer = RawPeer.open(server, "/echo")) {
            peer.send(tooBigHeader());
            assertEquals(CloseStatus.MESSAGE_TOO_BIG, peer.readUntilClose().closeCode());
            assertEquals("FIN", peer.end(), "the server shut its side down");
            // we never send FIN: the linger timer closes the connection
            assertEquals(CloseStatus.ABNORMAL, closes.poll(10, TimeUnit.SECONDS));
            assertEquals(0, server.stats().openConnections());
        }
    }

    /** The header of a 1 MiB binary frame (over the 64 KiB limit) with its mask key and no payload yet. */
    private static byte[] tooBigHeader() {
        return new byte[] {(byte) 0x82, (byte) (0x80 | 127), 0, 0, 0, 0, 0, 0x10, 0, 0, 1, 2, 3, 4};
    }

    private static WebSocketEndpoint closeRecorder(BlockingQueue<Integer> closes) {
        return new WebSocketEndpoint() {
            @Override
            public void onClose(WebSocket socket, int code, String reason) {
                closes.add(code);
            }
        };
    }
}
