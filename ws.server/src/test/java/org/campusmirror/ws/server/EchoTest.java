package org.campusmirror.ws.server;

import org.campusmirror.ws.server.osgi.EchoEndpointComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.campusmirror.ws.protocol.CloseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Messages over loopback: our client and the JDK's client against the server's echo endpoint. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EchoTest {
    private WebSocketServer server;
    private WebSocketClient client;

    @BeforeEach
    void start() throws Exception {
        server = Loopback.server().endpoint("/echo", new EchoEndpointComponent()).build().start();
        client = WebSocketClient.builder().build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void textAndBinaryComeBackAsTheyWent() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket socket = Loopback.connect(client, server, "/echo", recorder);
        socket.sendText("grüß dich");
        socket.sendBinary(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xFF}));
        assertEquals(new Recorder.Event("TEXT", "grüß dich"), recorder.next());
        assertEquals(new Recorder.Event("BINARY", "\u0000\u0001\u0002\u00FF"), recorder.next());
        socket.close();
        assertEquals(CloseStatus.NORMAL, recorder.awaitClose());
    }

    @Test
    void largeMessageCrossesManyReads() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket socket = Loopback.connect(client, server, "/echo", recorder);
        byte[] big = new byte[900 << 10]; // below the default 1 MiB limit, 15 reads of the loop's buffer
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        socket.sendBinary(ByteBuffer.wrap(big));
        Recorder.Event echo = recorder.next();
        assertEquals("BINARY", echo.kind());
        assertEquals(big.length, echo.data().length());
        assertTrue(java.util.Arrays.equals(big, echo.data().getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void manyMessagesFromAnotherThreadArriveInOrder() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket socket = Loopback.connect(client, server, "/echo", recorder);
        for (int i = 0; i < 2000; i++) {
            assertTrue(socket.sendText("m" + i));
        }
        for (int i = 0; i < 2000; i++) {
            assertEquals("m" + i, recorder.next().data());
        }
    }

    @Test
    void pingIsAnsweredWithItsPayload() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket socket = Loopback.connect(client, server, "/echo", recorder);
        socket.ping(ByteBuffer.wrap("beat".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(new Recorder.Event("PONG", "beat"), recorder.next());
    }

    @Test
    void jdkClientEchoes() throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        java.net.http.WebSocket jdk = JdkClient.connect(HttpClient.newHttpClient(), Loopback.uri(server, "/echo"), reply);
        jdk.sendText("from the JDK", true);
        assertEquals("from the JDK", reply.get(10, TimeUnit.SECONDS));
        jdk.sendClose(CloseStatus.NORMAL, "done").get(10, TimeUnit.SECONDS);
    }
}
