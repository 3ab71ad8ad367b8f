package org.campusmirror.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.campusmirror.ws.protocol.HttpHeader;
import org.campusmirror.ws.protocol.ProtocolLimits;
import org.campusmirror.ws.server.ClientOptions;
import org.campusmirror.ws.server.ServerLimits;
import org.campusmirror.ws.server.WebSocket;
import org.campusmirror.ws.server.WebSocketClient;
import org.campusmirror.ws.server.WebSocketHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our client against the npm {@code ws} 8 server (RFC 6455): messages of every kind and size, fragments from
 * ws, pings both ways, closing codes, ws's protocol violations answered with the right close code,
 * subprotocols and a refusal by ws's {@code verifyClient}. Compression is in {@link NodeServerDeflateTest}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeServerTest {
    private static final int ONE_MIB = 1 << 20;

    private final EventRecorder ours = EventRecorder.listening();
    private WebSocketClient client;
    private WsServerPeer ws;

    @BeforeEach
    void start() throws Exception {
        client = WebSocketClient.builder().threadName("interop-client").build();
        ws = WsServerPeer.start(Map.of("protocols", List.of("mirror.v1"), "token", "good"));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        ws.close();
    }

    private WebSocket connect(ClientOptions options) throws Exception {
        return client.connect(ws.uri("/echo"), withToken(options), ours).get(10, TimeUnit.SECONDS);
    }

    private static ClientOptions withToken(ClientOptions options) {
        return ClientOptions.builder().subprotocols(options.subprotocols()).extensions(options.extensions())
                .limits(options.limits()).headers(List.of(new HttpHeader("Authorization", "Bearer good"))).build();
    }

    private WebSocket connect() throws Exception {
        return connect(ClientOptions.DEFAULTS);
    }

    private static void command(WebSocket socket, String name, Map<String, Object> arguments) {
        socket.sendText(Steps.command(name, arguments));
    }

    @Test
    void textAndBinaryComeBackAsSent() throws Exception {
        WebSocket socket = connect();
        List<String> texts = List.of("hello", "", "Grüße aus der Mensa ☕ 👋", "z".repeat(70_000));
        texts.forEach(socket::sendText);
        for (String text : texts) {
            EventRecorder.Event echo = ours.await("text");
            assertEquals(Payloads.sha256(text), echo.sha256());
            JsonNode atWs = ws.events().await("message");
            assertFalse(atWs.path("binary").asBoolean());
            assertEquals(Payloads.sha256(text), atWs.path("sha256").asText());
        }
        assertEquals("Grüße aus der Mensa ☕ 👋", ours.all("text").get(2).text());

        List<byte[]> binaries = List.of(new byte[0], new byte[] {0, (byte) 0xff}, Payloads.random(65_536, 7));
        binaries.forEach(data -> socket.sendBinary(ByteBuffer.wrap(data)));
        for (byte[] data : binaries) {
            assertEquals(Payloads.sha256(data), ours.await("binary").sha256());
            JsonNode atWs = ws.events().await("message");
            assertTrue(atWs.path("binary").asBoolean());
            assertEquals(Payloads.sha256(data), atWs.path("sha256").asText());
        }
    }

    @Test
    void largeMessagesBothWays() throws Exception {
        WebSocket socket = connect();
        for (byte[] data : List.of(Payloads.random(ONE_MIB, 8), Payloads.random(10 * ONE_MIB, 9))) {
            socket.sendBinary(ByteBuffer.wrap(data));
            assertEquals(Payloads.sha256(data), ws.events().await("message").path("sha256").asText());
            EventRecorder.Event echo = ours.await("binary");
            assertEquals(data.length, echo.length());
            assertEquals(Payloads.sha256(data), echo.sha256());
        }
        command(socket, "send", Map.of("generate", Map.of("bytes", 10 * ONE_MIB, "pattern", "letters", "binary", false)));
        JsonNode sent = ws.events().await("sent");
        EventRecorder.Event text = ours.await("text");
        assertEquals(10 * ONE_MIB, text.length());
        assertEquals(sent.path("sha256").asText(), text.sha256());
    }

    @Test
    void fragmentsFromWsAreAssembled() throws Exception {
        WebSocket socket = connect();
        byte[] text = "Hörsaal 1: Vorlesung fällt aus".getBytes(StandardCharsets.UTF_8);
        command(socket, "fragments", Map.of("binary", false, "parts", List.of(
                Payloads.hex(java.util.Arrays.copyOfRange(text, 0, 2)),
                Payloads.hex(java.util.Arrays.copyOfRange(text, 2, 10)),
                Payloads.hex(java.util.Arrays.copyOfRange(text, 10, text.length)))));
        byte[] data = Payloads.random(5000, 10);
        command(socket, "fragments", Map.of("binary", true, "parts", List.of(
                Payloads.hex(java.util.Arrays.copyOfRange(data, 0, 1)),
                Payloads.hex(java.util.Arrays.copyOfRange(data, 1, 4000)),
                Payloads.hex(java.util.Arrays.copyOfRange(data, 4000, 5000)))));
        assertEquals("Hörsaal 1: Vorlesung fällt aus", ours.await("text").text());
        assertEquals(Payloads.sha256(data), ours.await("binary").sha256());
    }

    @Test
    void pingsBothWays() throws Exception {
        WebSocket socket = connect();
        socket.ping(ByteBuffer.wrap("are you there?".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("are you there?", ours.await("pong").text(), "ws answers our ping");
        assertEquals("are you there?", ws.events().await("ping").path("text").asText());

        command(socket, "ping", Map.of("data", "heartbeat-3"));
        assertEquals("heartbeat-3", ours.await("ping").text());
        assertEquals("heartbeat-3", ws.events().await("pong").path("text").asText(), "we answer ws's ping by ourselves");
    }

    @Test
    void normalAndApplicationClosesFromUs() throws Exception {
        connect().close(1000, "bye");
        JsonNode normal = ws.events().await("close");
        assertEquals(1000, normal.path("code").asInt());
        assertEquals("bye", normal.path("reason").asText());
        assertEquals(1000, ours.await("close").code(), "ws echoed our code");

        connect().close(4000, "display switched off");
        JsonNode application = ws.events().await("close");
        assertEquals(4000, application.path("code").asInt());
        assertEquals("display switched off", application.path("reason").asText());
        assertEquals(4000, ours.await("close").code());
    }

    @Test
    void applicationCloseFromWs() throws Exception {
        command(connect(), "close", Map.of("code", 4002, "reason", "maintenance"));
        EventRecorder.Event closed = ours.await("close");
        assertEquals(4002, closed.code());
        assertEquals("maintenance", closed.reason());
        assertEquals(4002, ws.events().await("close").path("code").asInt(), "we echoed ws's code");
    }

    static Stream<Violation> violationsFromAServer() {
        return Stream.concat(Violation.common(), Stream.of(
                // RFC 6455 section 5.1: a client must close the connection on a masked server frame
                new Violation("masked frame from a server", 1002,
                        masked -> RawFrames.frame(RawFrames.FIN | RawFrames.TEXT, "hello".getBytes(StandardCharsets.UTF_8), true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violationsFromAServer")
    void protocolViolationsGetTheirCloseCode(Violation violation) throws Exception {
        command(connect(), "raw", Map.of("hex", violation.frame().make(false)));
        assertEquals(violation.expectedCode(), ws.events().await("close").path("code").asInt(), ws.events().describe());
        ours.await("close");
        assertTrue(ours.all("text").isEmpty() && ours.all("binary").isEmpty(), "nothing was delivered");
    }

    @Test
    void messageOverOurLimitIsRefusedWith1009() throws Exception {
        ServerLimits small = ServerLimits.DEFAULTS.withProtocol(ProtocolLimits.DEFAULTS.withMaxMessageSize(ONE_MIB));
        WebSocket socket = connect(ClientOptions.builder().limits(small).build());
        command(socket, "send", Map.of("generate", Map.of("bytes", ONE_MIB, "pattern", "random", "binary", true)));
        assertEquals(ONE_MIB, ours.await("binary").length(), "exactly the limit passes");
        // over the limit only with its last byte, a fragment of its own, so our client has read everything ws
        // sent when it refuses the message (refused by its first header: the test below)
        command(socket, "fragments", Map.of("binary", true, "parts",
                List.of(Payloads.hex(Payloads.random(ONE_MIB, 15)), "01")));
        assertEquals(1009, ws.events().await("close").path("code").asInt(), ws.events().describe());
        assertEquals(1, ours.all("binary").size());
    }

    /** Refused by its first frame header, the rest unread: our client lingers, so ws still reads the 1009. */
    @RepeatedTest(5)
    void bigMessageRefusedByItsFirstHeaderStillGets1009() throws Exception {
        ServerLimits small = ServerLimits.DEFAULTS.withProtocol(ProtocolLimits.DEFAULTS.withMaxMessageSize(ONE_MIB));
        WebSocket socket = connect(ClientOptions.builder().limits(small).build());
        command(socket, "send", Map.of("generate", Map.of("bytes", 4 * ONE_MIB, "pattern", "random", "binary", true)));
        assertEquals(1009, ws.events().await("close").path("code").asInt(), ws.events().describe());
        assertTrue(ours.all("binary").isEmpty(), "nothing of the refused message was delivered");
    }

    @Test
    void subprotocolChosenByWs() throws Exception {
        WebSocket socket = connect(ClientOptions.builder().subprotocols(List.of("chat", "mirror.v1")).build());
        assertEquals("mirror.v1", socket.subprotocol());
        assertEquals("mirror.v1", ws.events().await("connection").path("protocol").asText());
    }

    @Test
    void refusedByVerifyClient() throws Exception {
        ExecutionException anonymous = assertThrows(ExecutionException.class,
                () -> client.connect(ws.uri("/echo"), ClientOptions.DEFAULTS, ours).get(10, TimeUnit.SECONDS));
        assertEquals(401, assertInstanceOf(WebSocketHandshakeException.class, anonymous.getCause()).status());

        ClientOptions wrongToken = ClientOptions.builder()
                .headers(List.of(new HttpHeader("Authorization", "Bearer bad"))).build();
        ExecutionException wrong = assertThrows(ExecutionException.class,
                () -> client.connect(ws.uri("/echo"), wrongToken, ours).get(10, TimeUnit.SECONDS));
        assertEquals(403, assertInstanceOf(WebSocketHandshakeException.class, wrong.getCause()).status());
        assertTrue(ws.events().all("connection").isEmpty(), "ws opened no connection");
        assertTrue(ours.all("open").isEmpty());
    }
}
