package org.campusmirror.interop;

import static org.campusmirror.interop.Steps.await;
import static org.campusmirror.interop.Steps.awaitMessages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.campusmirror.ws.protocol.HttpHeader;
import org.campusmirror.ws.protocol.ProtocolLimits;
import org.campusmirror.ws.server.EndpointOptions;
import org.campusmirror.ws.server.ServerLimits;
import org.campusmirror.ws.server.UpgradeDecision;
import org.campusmirror.ws.server.UpgradeRequest;
import org.campusmirror.ws.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The npm {@code ws} 8 client against our server (RFC 6455): messages of every kind and size, fragments,
 * pings both ways, closing codes, protocol violations answered with the right close code, subprotocols and a
 * refused upgrade. Compression is in {@link NodeClientDeflateTest}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeClientTest {
    private static final int ONE_MIB = 1 << 20;

    private final EventRecorder echo = EventRecorder.echoing();
    private WebSocketServer server;

    @BeforeEach
    void start() throws Exception {
        server = OurServer.onLoopback()
                .endpoint("/echo", echo)
                .endpoint("/chat", EventRecorder.echoing(), EndpointOptions.builder()
                        .subprotocols(List.of("mirror.v2", "mirror.v1")).build())
                .endpoint("/private", new TokenEndpoint())
                .build().start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** Accepts {@code Authorization: Bearer good}; no header gets 401 with a challenge, another token 403. */
    private static final class TokenEndpoint implements org.campusmirror.ws.server.WebSocketEndpoint {
        @Override
        public UpgradeDecision upgrade(UpgradeRequest request) {
            String authorization = request.header("Authorization");
            if (authorization == null) {
                return UpgradeDecision.reject(401, List.of(new HttpHeader("WWW-Authenticate", "Bearer realm=\"mirror\"")));
            }
            return authorization.equals("Bearer good") ? UpgradeDecision.accept() : UpgradeDecision.reject(403);
        }

        @Override
        public void onOpen(org.campusmirror.ws.server.WebSocket socket) {
            socket.sendText("welcome");
        }
    }

    @Test
    void textMessagesComeBackAsText() throws Exception {
        List<String> texts = List.of("hello", "", "Grüße aus der Mensa ☕ 👋", "x".repeat(125), "y".repeat(126),
                "z".repeat(65_536));
        List<Map<String, Object>> steps = new ArrayList<>();
        texts.forEach(text -> steps.add(Steps.text(text)));
        steps.addAll(awaitMessages(texts.size()));
        PeerProcess ws = ScriptedClient.ws(OurServer.uri(server, "/echo"), steps);

        for (String text : texts) {
            JsonNode received = ws.await("message");
            assertFalse(received.path("binary").asBoolean(), "text echoed as text: " + received);
            assertEquals(Payloads.sha256(text), received.path("sha256").asText(), "echo of a " + text.length() + "-char text");
            assertEquals(Payloads.sha256(text), echo.await("text").sha256(), "what our server received");
        }
        assertEquals("Grüße aus der Mensa ☕ 👋", echo.all("text").get(2).text());
    }

    @Test
    void binaryMessagesComeBackAsBinary() throws Exception {
        List<byte[]> messages = List.of(new byte[0], new byte[] {0, (byte) 0xff}, Payloads.random(125, 1),
                Payloads.random(126, 2), Payloads.random(65_535, 3), Payloads.random(65_536, 4));
        List<Map<String, Object>> steps = new ArrayList<>();
        messages.forEach(data -> steps.add(Steps.binary(data)));
        steps.addAll(awaitMessages(messages.size()));
        PeerProcess ws = ScriptedClient.ws(OurServer.uri(server, "/echo"), steps);

        for (byte[] data : messages) {
            JsonNode received = ws.await("message");
            assertTrue(received.path("binary").asBoolean(), "binary echoed as binary: " + received);
            assertEquals(data.length, received.path("length").asInt());
            assertEquals(Payloads.sha256(data), received.path("sha256").asText());
            assertEquals(Payloads.sha256(data), echo.await("binary").sha256());
        }
    }

    @Test
    void largeMessagesOfOneAndTenMebibytes() throws Exception {
        PeerProcess ws = ScriptedClient.ws(OurServer.uri(server, "/echo"), List.of(
                Steps.generated(ONE_MIB, "random", true), await("message"),
                Steps.generated(10 * ONE_MIB, "random", true), await("message"),
                Steps.generated(ONE_MIB, "letters", false), await("message")));

        List<JsonNode> sent = ws.all("sent");
        List<JsonNode> received = ws.all("message");
        assertEquals(3, received.size(), ws.describe());
        for (int i = 0; i < 3; i++) {
            assertEquals(sent.get(i).path("sha256").asText(), received.get(i).path("sha256").asText(), "message " + i);
            assertEquals(sent.get(i).path("length").asInt(), received.get(i).path("length").asInt());
            assertEquals(sent.get(i).path("binary").asBoolean(), received.get(i).path("binary").asBoolean());
        }
        assertEquals(10 * ONE_MIB, received.get(1).path("length").asInt());
        assertEquals(sent.get(1).path("sha256").asText(), echo.all("binary").get(1).sha256(), "our server got it whole");
    }

    @Test
    void fragmentedMessagesAreAssembled() throws Exception {
        byte[] text = "Hörsaal 1: Vorlesung fällt aus".getBytes(StandardCharsets.UTF_8);
        // the first cut falls inside the two-byte UTF-8 sequence of 'ö'
        byte[][] textParts = {slice(text, 0, 2), slice(text, 2, 10), slice(text, 10, text.length)};
        byte[] data = Payloads.random(3000, 5);
        PeerProcess ws = ScriptedClient.ws(OurServer.uri(server, "/echo"), List.of(
                Steps.fragment(textParts[0], false, false),
                Steps.fragment(textParts[1], false, false),
                Steps.fragment(textParts[2], false, true),
                Steps.fragment(slice(data, 0, 1000), true, false),
                Steps.ping("between fragments"),
                Steps.fragment(slice(data, 1000, 1001), true, false),
                Steps.fragment(slice(data, 1001, 3000), true, true),
                await("message"), await("message"), await("pong")));

        assertEquals("Hörsaal 1: Vorlesung fällt aus", echo.await("text").text());
        assertEquals(Payloads.sha256(data), echo.await("binary").sha256());
        assertEquals("between fragments", echo.await("ping").text(), "a ping between fragments is answered at once");
        JsonNode first = ws.await("message");
        assertEquals(Payloads.sha256(text), first.path("sha256").asText());
        assertEquals(Payloads.sha256(data), ws.await("message").path("sha256").asText());
    }

    @Test
    void wsPingGetsOurPong() throws Exception {
        PeerProcess ws = ScriptedClient.ws(OurServer.uri(server, "/echo"),
                List.of(Steps.ping("are you there?"), await("pong"), Steps.ping(""), await("pong")));
        assertEquals("are you there?", ws.await("pong").path("text").asText());
        assertEquals("", ws.await("pong").path("text").asText());
        assertEquals("are you there?", echo.await("ping").text());
    }

    @Test
    void ourPingGetsWsAutomaticPong() throws Exception {
        PeerProcess ws = ScriptedClient.ws(OurServer.uri(server, "/echo"), List.of(
                Steps.text(Steps.command("ping", Map.of("data", "heartbeat-7"))), await("ping"),
                Steps.close(1000, "")));
        assertEquals("heartbeat-7", ws.await("ping").path("text").asText());
        assertEquals("heartbeat-7", echo.await("pong").text(), "ws answers pings by itself (autoPong)");
    }

    @Test
    void heartbeatKeepsAnsweringWsOpenAndDropsOneThatStopsAnswering() throws Exception {
        EventRecorder beating = EventRecorder.echoing();
        EndpointOptions heartbeat = EndpointOptions.builder().heartbeat(java.time.Duration.ofMillis(200)).build();
        try (WebSocketServer withHeartbeat = OurServer.onLoopback().endpoint("/beat", beating, heartbeat).build().start()) {
            PeerProcess answering = ScriptedClient.ws(OurServer.uri(withHeartbeat, "/beat"), List.of(), Map.of(), List.of(
                    await("ping"), await("ping"), await("ping"), Steps.close(1000, "enough"), await("close")));
            assertEquals(1000, answering.await("close").path("code").asInt(), "ws's automatic pongs kept it open");
            assertTrue(beating.all("pong").size() >= 3, "pongs: " + beating.all("pong"));

            // ws's autoPong off: the peer looks dead, the next heartbeat terminates it
            PeerProcess silent = ScriptedClient.ws(OurServer.uri(withHeartbeat, "/beat"), List.of(),
                    Map.of("autoPong", false), List.of(await("ping"), await("close")));
            assertEquals(1006, silent.await("close").path("code").asInt(), silent.describe());
            assertEquals(1, withHeartbeat.stats().heartbeatTimeouts());
        }
    }

    @Test
    void normalCloseFromWs() throws Exception {
        PeerProcess ws = ScriptedClient.ws(OurServer.uri(server, "/echo"),
                List.of(Steps.close(1000, "bye"), await("close")));
        JsonNode closed = ws.await("close");
        assertEquals(1000, closed.path("code").asInt(), "our server echoes the code: " + closed);
        EventRecorder.Event ours = echo.await("close");
        assertEquals(1000, ours.code());
        assertEquals("bye", ours.reason());
    }

    @Test
    void applicationCloseCodeFromWs() throws Exception {
        PeerProcess ws = ScriptedClient.ws(OurServer.uri(server, "/echo"),
                List.of(Steps.close(4000, "display switched off"), await("close")));
        assertEquals(4000, ws.await("close").path("code").asInt());
        EventRecorder.Event ours = echo.await("close");
        assertEquals(4000, ours.code());
        assertEquals("display switched off", ours.reason());
    }

    @Test
    void applicationCloseCodeFromOurServer() throws Exception {
        PeerProcess ws = ScriptedClient.ws(OurServer.uri(server, "/echo"), List.of(
                Steps.text(Steps.command("close", Map.of("code", 4001, "reason", "shift over"))), await("close")));
        JsonNode closed = ws.await("close");
        assertEquals(4001, closed.path("code").asInt());
        assertEquals("shift over", closed.path("reason").asText());
        assertEquals(4001, echo.await("close").code(), "ws echoed our code");
    }

    static Stream<Violation> violationsFromAClient() {
        return Stream.concat(Violation.common(), Stream.of(
                // RFC 6455 section 5.1: a server must close the connection on an unmasked client frame
                new Violation("unmasked frame from a client", 1002,
                        masked -> RawFrames.frame(RawFrames.FIN | RawFrames.TEXT, "hello".getBytes(StandardCharsets.UTF_8), false))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violationsFromAClient")
    void protocolViolationsGetTheirCloseCode(Violation violation) throws Exception {
        PeerProcess ws = ScriptedClient.ws(OurServer.uri(server, "/echo"), List.of(
                Steps.raw(violation.frame().make(true)), await("close")));
        assertEquals(violation.expectedCode(), ws.await("close").path("code").asInt(), ws.describe());
        assertTrue(echo.all("text").isEmpty() && echo.all("binary").isEmpty(), "nothing was delivered");
    }

    @Test
    void largestControlPayloadsPass() throws Exception {
        String ping = "p".repeat(125);
        String reason = "ä".repeat(61) + "!"; // 123 bytes of UTF-8, the most a close frame holds
        PeerProcess ws = ScriptedClient.ws(OurServer.uri(server, "/echo"), List.of(
                Steps.ping(ping), await("pong"), Steps.close(4000, reason), await("close")));
        assertEquals(ping, ws.await("pong").path("text").asText());
        assertEquals(reason, echo.await("close").reason());
        assertEquals(4000, ws.await("close").path("code").asInt());
    }

    @Test
    void invalidUtf8FramedByWsIsRefusedWith1007() throws Exception {
        // ws itself frames these bytes as text (it does not check what it sends)
        PeerProcess ws = ScriptedClient.ws(OurServer.uri(server, "/echo"), List.of(
                Steps.textBytes(new byte[] {'o', 'k', (byte) 0xc3, 0x28}), await("close")));
        assertEquals(1007, ws.await("close").path("code").asInt(), ws.describe());
        assertTrue(echo.all("text").isEmpty(), "no text was delivered");
    }

    @Test
    void messageOverOurLimitIsRefusedWith1009() throws Exception {
        ServerLimits small = ServerLimits.DEFAULTS.withProtocol(ProtocolLimits.DEFAULTS.withMaxMessageSize(ONE_MIB));
        EventRecorder limited = EventRecorder.echoing();
        try (WebSocketServer strict = OurServer.onLoopback().limits(small).endpoint("/echo", limited).build().start()) {
            // The message goes over the limit only with its last byte, a fragment of its own, so our server has
            // read everything ws sent when it refuses it (refused by its first header: the test below).
            PeerProcess ws = ScriptedClient.ws(OurServer.uri(strict, "/echo"), List.of(
                    Steps.generated(ONE_MIB, "random", true), await("message"),
                    Steps.fragment(Payloads.random(ONE_MIB, 14), true, false),
                    Steps.fragment(new byte[] {1}, true, true), await("close")));
            assertEquals(ONE_MIB, ws.await("message").path("length").asInt(), "exactly the limit passes");
            assertEquals(1009, ws.await("close").path("code").asInt(), ws.describe());
            assertEquals(1, limited.all("binary").size());
        }
    }

    /**
     * Refused by its first frame header, with megabytes still on their way: our server drops the rest unread,
     * half-closes and lingers, so ws reads the 1009 instead of a reset (1006). Repeated: a reset was a race.
     */
    @RepeatedTest(5)
    void bigMessageRefusedByItsFirstHeaderStillGets1009() throws Exception {
        ServerLimits small = ServerLimits.DEFAULTS.withProtocol(ProtocolLimits.DEFAULTS.withMaxMessageSize(ONE_MIB));
        try (WebSocketServer strict = OurServer.onLoopback().limits(small)
                .endpoint("/echo", EventRecorder.echoing()).build().start()) {
            PeerProcess ws = ScriptedClient.ws(OurServer.uri(strict, "/echo"), List.of(
                    Steps.generated(4 * ONE_MIB, "random", true), await("close")));
            assertEquals(1009, ws.await("close").path("code").asInt(), ws.describe());
        }
    }

    @Test
    void subprotocolIsPickedInTheClientsOrder() throws Exception {
        PeerProcess picked = ScriptedClient.ws(OurServer.uri(server, "/chat"), List.of("chat", "mirror.v1", "mirror.v2"),
                Map.of(), List.of(Steps.close(1000, "")));
        assertEquals("mirror.v1", picked.await("open").path("protocol").asText());

        // Our server then answers without Sec-WebSocket-Protocol, as RFC 6455 section 4.2.2 and ws's own server
        // do; the ws client insists on one once it offered any, and fails the handshake itself.
        PeerProcess none = ScriptedClient.ws(OurServer.uri(server, "/chat"), List.of("chat"), Map.of(),
                List.of(Steps.close(1000, "")));
        assertEquals("Server sent no subprotocol", none.await("error").path("message").asText(), none.describe());
        assertTrue(none.all("open").isEmpty());
    }

    @Test
    void refusedUpgradeIsAnUnexpectedResponse() throws Exception {
        PeerProcess anonymous = ScriptedClient.ws(OurServer.uri(server, "/private"), List.of());
        JsonNode unauthorized = anonymous.await("unexpected-response");
        assertEquals(401, unauthorized.path("status").asInt());
        assertEquals("Bearer realm=\"mirror\"", unauthorized.path("headers").path("www-authenticate").asText());
        assertTrue(anonymous.all("open").isEmpty());

        PeerProcess wrong = ScriptedClient.ws(OurServer.uri(server, "/private"), List.of(),
                Map.of("headers", Map.of("Authorization", "Bearer bad")), List.of());
        assertEquals(403, wrong.await("unexpected-response").path("status").asInt());

        PeerProcess good = ScriptedClient.ws(OurServer.uri(server, "/private"), List.of(),
                Map.of("headers", Map.of("Authorization", "Bearer good")), List.of(await("message")));
        assertNotNull(good.await("open"));
        assertEquals("welcome", good.await("message").path("text").asText());
    }

    private static byte[] slice(byte[] data, int from, int to) {
        return java.util.Arrays.copyOfRange(data, from, to);
    }
}
