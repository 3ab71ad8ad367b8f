package org.campusmirror.ws.server;

import org.campusmirror.ws.server.osgi.EchoEndpointComponent;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.campusmirror.ws.protocol.CloseStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** wss on loopback with a self-signed certificate made for the test: our client and the JDK's client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsTest {
    @TempDir
    static Path folder;
    private TlsConfig tls;
    private SSLContext trusting;
    private WebSocketServer server;
    private WebSocketClient client;

    @BeforeAll
    void start() throws Exception {
        tls = SelfSignedKeyStore.create(folder);
        trusting = tls.trustingContext();
        server = Loopback.server().tls(tls).endpoint("/echo", new EchoEndpointComponent()).build().start();
        client = WebSocketClient.builder().build();
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private URI wss(String host) {
        return URI.create("wss://" + host + ":" + server.port() + "/echo");
    }

    @Test
    void ourClientEchoesSmallAndLargeMessages() throws Exception {
        Recorder recorder = new Recorder();
        WebSocket socket = client.connect(wss("localhost"), ClientOptions.builder().sslContext(trusting).build(),
                recorder).get(10, TimeUnit.SECONDS);
        socket.sendText("über TLS");
        assertEquals("über TLS", recorder.next().data());
        byte[] big = new byte[1 << 20];
        new Random(7).nextBytes(big);
        socket.sendBinary(ByteBuffer.wrap(big));
        assertArrayEquals(big, recorder.next().data().getBytes(StandardCharsets.ISO_8859_1));
        socket.close();
        assertEquals(CloseStatus.NORMAL, recorder.awaitClose());
    }

    @Test
    void jdkClientEchoesOverTls() throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        HttpClient http = HttpClient.newBuilder().sslContext(trusting).build();
        java.net.http.WebSocket jdk = JdkClient.connect(http, wss("localhost"), reply);
        String payload = "x".repeat(100_000);
        jdk.sendText(payload, true);
        assertEquals(payload, reply.get(10, TimeUnit.SECONDS));
        jdk.sendClose(CloseStatus.NORMAL, "").get(10, TimeUnit.SECONDS);
    }

    @Test
    void untrustedCertificateFailsTheClient() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.connect(wss("localhost"), ClientOptions.DEFAULTS, new Recorder()).get(10, TimeUnit.SECONDS));
        assertEquals(javax.net.ssl.SSLHandshakeException.class, e.getCause().getClass(), e.getCause().toString());
    }

    @Test
    void plainClientOnTheTlsPortGetsNoUpgrade() throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> client.connect(
                URI.create("ws://127.0.0.1:" + server.port() + "/echo"), ClientOptions.DEFAULTS, new Recorder())
                .get(20, TimeUnit.SECONDS));
        // the server reads the HTTP request as a broken TLS record and drops the connection
        assertInstanceOf(java.io.IOException.class, e.getCause());
    }
}
