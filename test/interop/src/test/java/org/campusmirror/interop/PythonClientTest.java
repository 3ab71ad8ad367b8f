package org.campusmirror.interop;

import static org.campusmirror.interop.Steps.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.campusmirror.ws.deflate.PerMessageDeflateOptions;
import org.campusmirror.ws.server.EndpointOptions;
import org.campusmirror.ws.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Debian's {@code python3-websockets} (10.4 on Debian 12, its asyncio API) as a client of our server, with and
 * without permessage-deflate: text, binary, large messages, pings both ways and closing codes. Our
 * {@code /plain} endpoint offers no compression, {@code /deflate} offers permessage-deflate.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PythonClientTest {
    private static final int ONE_MIB = 1 << 20;

    private final EventRecorder plain = EventRecorder.echoing();
    private final EventRecorder deflate = EventRecorder.echoing();
    private WebSocketServer server;

    @BeforeEach
    void start() throws Exception {
        server = OurServer.onLoopback()
                .endpoint("/plain", plain)
                .endpoint("/deflate", deflate, EndpointOptions.builder().deflate(PerMessageDeflateOptions.DEFAULTS).build())
                .build().start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private PeerProcess python(String path, List<Map<String, Object>> steps) throws Exception {
        // python-websockets offers permessage-deflate unless told not to; /plain declines it either way
        return ScriptedClient.python(OurServer.uri(server, path), path.equals("/deflate") ? "deflate" : null, steps);
    }

    private EventRecorder recorder(String path) {
        return path.equals("/deflate") ? deflate : plain;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/plain", "/deflate"})
    void textAndBinary(String path) throws Exception {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        PeerProcess python = python(path, List.of(
                Steps.text("hello"), Steps.text("Grüße aus der Mensa ☕ 👋"), Steps.text(""),
                Steps.text(Payloads.repeatedText(5000)), Steps.binary(bytes), Steps.binary(Payloads.random(65_536, 13)),
                await("message"), await("message"), await("message"), await("message"), await("message"),
                await("message")));

        JsonNode open = python.await("open");
        if (path.equals("/deflate")) {
            assertTrue(open.path("extensions").asText().startsWith("permessage-deflate"), open.toString());
        } else {
            assertTrue(open.path("extensions").isNull(), open.toString());
        }
        List<JsonNode> sent = python.all("sent");
        List<JsonNode> received = python.all("message");
        assertEquals(6, received.size(), python.describe());
        for (int i = 0; i < 6; i++) {
            assertEquals(sent.get(i).path("sha256").asText(), received.get(i).path("sha256").asText(), "echo " + i);
            assertEquals(sent.get(i).path("binary").asBoolean(), received.get(i).path("binary").asBoolean(), "kind " + i);
        }
        assertEquals("Grüße aus der Mensa ☕ 👋", received.get(1).path("text").asText());
        assertEquals(4, recorder(path).all("text").size());
        assertEquals(Payloads.sha256(bytes), recorder(path).await("binary").sha256());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/plain", "/deflate"})
    void largeMessages(String path) throws Exception {
        PeerProcess python = python(path, List.of(
                Steps.generated(4 * ONE_MIB, "letters", false), await("message"),
                Steps.generated(ONE_MIB, "random", true), await("message"),
                Steps.generated(4 * ONE_MIB, "repeat", true), await("message")));
        List<JsonNode> sent = python.all("sent");
        List<JsonNode> received = python.all("message");
        assertEquals(3, received.size(), python.describe());
        for (int i = 0; i < 3; i++) {
            assertEquals(sent.get(i).path("length").asInt(), received.get(i).path("length").asInt());
            assertEquals(sent.get(i).path("sha256").asText(), received.get(i).path("sha256").asText(), "echo " + i);
        }
        assertEquals(sent.get(0).path("sha256").asText(), recorder(path).await("text").sha256());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/plain", "/deflate"})
    void compressesOnTheWireOnlyWithDeflate(String path) throws Exception {
        try (CountingRelay relay = CountingRelay.to(server.port())) {
            URI uri = URI.create("ws://127.0.0.1:" + relay.port() + path);
            PeerProcess python = ScriptedClient.python(uri, path.equals("/deflate") ? "deflate" : null, List.of(
                    Steps.generated(4 * ONE_MIB, "repeat", false), await("message"), Steps.close(1000, "")));
            assertEquals(python.all("sent").get(0).path("sha256").asText(), python.await("message").path("sha256").asText());
            python.await("close");
            if (path.equals("/deflate")) {
                assertTrue(relay.bytesToServer() < ONE_MIB / 4, "python compressed 4 MiB to " + relay.bytesToServer());
                assertTrue(relay.bytesToClient() < ONE_MIB / 4, "our server compressed 4 MiB to " + relay.bytesToClient());
            } else {
                assertTrue(relay.bytesToServer() > 4 * ONE_MIB, "uncompressed: " + relay.bytesToServer());
                assertTrue(relay.bytesToClient() > 4 * ONE_MIB, "uncompressed: " + relay.bytesToClient());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/plain", "/deflate"})
    void pingsBothWays(String path) throws Exception {
        PeerProcess python = python(path, List.of(
                Steps.ping("py-ping"), await("pong"),
                Steps.text(Steps.command("ping", Map.of("data", "heartbeat-9"))),
                Steps.text("after the ping"), await("message")));
        assertEquals("py-ping", python.await("pong").path("text").asText());
        assertEquals("py-ping", recorder(path).await("ping").text());
        assertEquals("heartbeat-9", recorder(path).await("pong").text(), "python-websockets answers our ping");
        assertEquals("after the ping", python.await("message").path("text").asText());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/plain", "/deflate"})
    void closeCodesBothWays(String path) throws Exception {
        PeerProcess closing = python(path, List.of(Steps.close(4000, "python done")));
        JsonNode closed = closing.await("close");
        assertEquals(4000, closed.path("code").asInt(), "our server echoed the code: " + closed);
        EventRecorder.Event ours = recorder(path).await("close");
        assertEquals(4000, ours.code());
        assertEquals("python done", ours.reason());

        PeerProcess serverClosed = python(path, List.of(
                Steps.text(Steps.command("close", Map.of("code", 4001, "reason", "shift over"))), await("close")));
        JsonNode byUs = serverClosed.await("close");
        assertEquals(4001, byUs.path("code").asInt());
        assertEquals("shift over", byUs.path("reason").asText());
        assertEquals(4001, recorder(path).await("close").code(), "python-websockets echoed our code");
    }
}
