package org.campusmirror.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.campusmirror.ws.deflate.PerMessageDeflate;
import org.campusmirror.ws.deflate.PerMessageDeflateOptions;
import org.campusmirror.ws.server.ClientOptions;
import org.campusmirror.ws.server.WebSocket;
import org.campusmirror.ws.server.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * permessage-deflate (RFC 7692) between our client and the npm ws 8 server, for each context-takeover setting
 * and window limit asked by either side. The bytes ws's socket read show what our client did: the same
 * message twice costs the same under {@code client_no_context_takeover} and much less the second time
 * without it; repeats 3000 bytes apart shrink only with a window of 4 KiB or more.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeServerDeflateTest {
    private static final int REPEAT = CompressedSizes.REPEAT;
    private static final int BLOCKS = CompressedSizes.BLOCKS;
    private static final int LARGE = CompressedSizes.LARGE;

    /**
     * One negotiation: {@code ours} is our client's offer (null: no extension offered), {@code wsServer} ws's
     * perMessageDeflate option (null: off), {@code agreed} the response parameters (null: no extension).
     */
    record Case(String name, PerMessageDeflateOptions ours, Map<String, Object> wsServer, Set<String> agreed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        PerMessageDeflateOptions defaults = PerMessageDeflateOptions.DEFAULTS;
        return Stream.of(
                new Case("defaults both sides", defaults, Map.of(), Set.of()),
                new Case("we ask server_no_context_takeover", defaults.toBuilder().serverNoContextTakeover(true).build(),
                        Map.of(), Set.of("server_no_context_takeover")),
                new Case("we offer client_no_context_takeover", defaults.toBuilder().clientNoContextTakeover(true).build(),
                        Map.of(), Set.of("client_no_context_takeover")),
                new Case("ws imposes server_no_context_takeover", defaults, Map.of("serverNoContextTakeover", true),
                        Set.of("server_no_context_takeover")),
                new Case("ws imposes client_no_context_takeover", defaults, Map.of("clientNoContextTakeover", true),
                        Set.of("client_no_context_takeover")),
                new Case("we ask server_max_window_bits=10", defaults.toBuilder().serverMaxWindowBits(10).build(),
                        Map.of(), Set.of("server_max_window_bits=10")),
                new Case("ws limits our window to 10 bits", defaults, Map.of("clientMaxWindowBits", 10),
                        Set.of("client_max_window_bits=10")),
                new Case("we offer client_max_window_bits=9", defaults.toBuilder().clientMaxWindowBits(9).build(),
                        Map.of(), Set.of("client_max_window_bits=9")),
                new Case("smallest windows, 8 bits each way",
                        defaults.toBuilder().serverMaxWindowBits(8).clientMaxWindowBits(8).build(), Map.of(),
                        Set.of("server_max_window_bits=8", "client_max_window_bits=8")),
                new Case("ws imposes everything", defaults,
                        Map.of("serverNoContextTakeover", true, "clientNoContextTakeover", true,
                                "serverMaxWindowBits", 11, "clientMaxWindowBits", 12),
                        Set.of("server_no_context_takeover", "client_no_context_takeover", "server_max_window_bits=11",
                                "client_max_window_bits=12")),
                new Case("deflate off on ws", defaults, null, null),
                new Case("we offer no deflate", null, Map.of(), null));
    }

    @Test
    void compressedFragmentsFromWsAreInflatedWhole() throws Exception {
        EventRecorder ours = EventRecorder.listening();
        byte[] text = Payloads.repeatedText(60_000).replace("pasta", "Käse").getBytes(StandardCharsets.UTF_8);
        try (WsServerPeer ws = WsServerPeer.start(Map.of("deflate", Map.of("threshold", 0)));
                PerMessageDeflate deflate = PerMessageDeflate.create();
                WebSocketClient client = WebSocketClient.builder().threadName("interop-client").build()) {
            WebSocket socket = client.connect(ws.uri("/echo"), ClientOptions.builder().extensions(List.of(deflate)).build(),
                    ours).get(10, TimeUnit.SECONDS);
            // ws compresses a fragmented message as one stream: RSV1 on the first frame only (RFC 7692 section 6.1)
            socket.sendText(Steps.command("fragments", Map.of("binary", false, "parts", List.of(
                    Payloads.hex(Arrays.copyOfRange(text, 0, 20_001)),
                    Payloads.hex(Arrays.copyOfRange(text, 20_001, 40_000)),
                    Payloads.hex(Arrays.copyOfRange(text, 40_000, text.length))))));
            JsonNode sent = ws.events().await("sent");
            assertEquals(3, sent.path("fragments").asInt());
            assertTrue(sent.path("wireOut").asLong() < text.length / 8, "ws sent them compressed: " + sent);
            // commands are not echoed: the only text that comes back is the message
            EventRecorder.Event whole = ours.await("text");
            assertEquals(text.length, whole.length());
            assertEquals(Payloads.sha256(text), whole.sha256(), "our client inflated the fragments whole");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void negotiatesAndCompressesAsAgreed(Case c) throws Exception {
        Map<String, Object> config = new LinkedHashMap<>();
        if (c.wsServer() != null) {
            Map<String, Object> deflate = new LinkedHashMap<>(c.wsServer());
            deflate.put("threshold", 0);
            config.put("deflate", deflate);
        }
        EventRecorder ours = EventRecorder.listening();
        ClientOptions.Builder options = ClientOptions.builder();
        PerMessageDeflate deflate = c.ours() == null ? null : PerMessageDeflate.create(c.ours().toBuilder().threshold(0).build());
        if (deflate != null) {
            options.extensions(List.of(deflate));
        }
        try (WsServerPeer ws = WsServerPeer.start(config);
                WebSocketClient client = WebSocketClient.builder().threadName("interop-client").build()) {
            WebSocket socket = client.connect(ws.uri("/echo"), options.build(), ours).get(10, TimeUnit.SECONDS);
            JsonNode connection = ws.events().await("connection");
            Set<String> agreed = DeflateParameters.of(connection.path("extensions").asText(null));
            assertEquals(c.agreed(), agreed, "ws answered " + connection);
            assertEquals(c.agreed() != null, "permessage-deflate".equals(socket.extensions()), "our side: " + socket.extensions());

            String repeat = Payloads.repeatedText(REPEAT);
            String blocks = Payloads.blocks(BLOCKS, 11);
            byte[] large = Payloads.repeatedText(LARGE).getBytes(StandardCharsets.US_ASCII);
            byte[] random = Payloads.random(100_000, 12);
            List<String> hashes = List.of(Payloads.sha256(repeat), Payloads.sha256(repeat), Payloads.sha256(blocks),
                    Payloads.sha256(large), Payloads.sha256(random));
            long[] wire = new long[5];
            long before = connection.path("wireIn").asLong();
            for (int i = 0; i < 5; i++) {
                switch (i) {
                    case 0, 1 -> socket.sendText(repeat);
                    case 2 -> socket.sendText(blocks);
                    case 3 -> socket.sendBinary(ByteBuffer.wrap(large));
                    default -> socket.sendBinary(ByteBuffer.wrap(random));
                }
                JsonNode atWs = ws.events().await("message");
                assertEquals(hashes.get(i), atWs.path("sha256").asText(), "ws inflated message " + i + " right");
                assertEquals(hashes.get(i), ours.await(i < 3 ? "text" : "binary").sha256(), "we inflated echo " + i + " right");
                wire[i] = atWs.path("wireIn").asLong() - before;
                before = atWs.path("wireIn").asLong();
            }
            socket.close(1000, "");
            assertEquals(1000, ours.await("close").code());

            CompressedSizes.assertAsAgreed(agreed, "client", wire);
        } finally {
            if (deflate != null) {
                deflate.close();
            }
        }
    }
}
