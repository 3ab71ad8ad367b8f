package org.campusmirror.interop;

import static org.campusmirror.interop.Steps.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.campusmirror.ws.deflate.PerMessageDeflateOptions;
import org.campusmirror.ws.server.EndpointOptions;
import org.campusmirror.ws.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * permessage-deflate (RFC 7692) between the npm ws 8 client and our server, for each context-takeover setting
 * and window offer from either side. Besides the echo being right, the bytes on the wire show what our server
 * did: the same message twice costs the same with {@code server_no_context_takeover} and much less the second
 * time without it; a message whose repeats lie 3000 bytes apart shrinks only with a window of 4 KiB or more; and ws's
 * zlib would fail the connection if our compressor used a larger window than agreed.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NodeClientDeflateTest {
    private static final int REPEAT = CompressedSizes.REPEAT;
    private static final int BLOCKS = CompressedSizes.BLOCKS;
    private static final int LARGE = CompressedSizes.LARGE;

    /**
     * One negotiation: {@code wsOffer} is ws's perMessageDeflate option, {@code ours} our endpoint's settings
     * (null: deflate off), {@code agreed} the response parameters RFC 7692 and our documented rules give
     * (null: no extension).
     */
    record Case(String name, Map<String, Object> wsOffer, PerMessageDeflateOptions ours, Set<String> agreed) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        PerMessageDeflateOptions defaults = PerMessageDeflateOptions.DEFAULTS;
        return Stream.of(
                new Case("defaults both sides", Map.of(), defaults, Set.of()),
                new Case("ws asks server_no_context_takeover", Map.of("serverNoContextTakeover", true), defaults,
                        Set.of("server_no_context_takeover")),
                new Case("ws asks client_no_context_takeover", Map.of("clientNoContextTakeover", true), defaults,
                        Set.of("client_no_context_takeover")),
                new Case("ws asks both no_context_takeover",
                        Map.of("serverNoContextTakeover", true, "clientNoContextTakeover", true), defaults,
                        Set.of("server_no_context_takeover", "client_no_context_takeover")),
                new Case("we insist on server_no_context_takeover (broadcast)", Map.of(),
                        defaults.toBuilder().forBroadcast().build(), Set.of("server_no_context_takeover")),
                new Case("we require client_no_context_takeover", Map.of(),
                        defaults.toBuilder().clientNoContextTakeover(true).build(), Set.of("client_no_context_takeover")),
                new Case("ws offers server_max_window_bits=10", Map.of("serverMaxWindowBits", 10), defaults,
                        Set.of("server_max_window_bits=10")),
                new Case("we limit our window to 11 bits", Map.of(), defaults.toBuilder().serverMaxWindowBits(11).build(),
                        Set.of("server_max_window_bits=11")),
                new Case("we limit the client's window to 9 bits", Map.of(),
                        defaults.toBuilder().clientMaxWindowBits(9).build(), Set.of("client_max_window_bits=9")),
                new Case("ws offers client_max_window_bits=12, we allow 10", Map.of("clientMaxWindowBits", 12),
                        defaults.toBuilder().clientMaxWindowBits(10).build(), Set.of("client_max_window_bits=10")),
                new Case("smallest windows, 8 bits each way",
                        Map.of("serverMaxWindowBits", 8, "clientMaxWindowBits", 8), defaults,
                        Set.of("server_max_window_bits=8", "client_max_window_bits=8")),
                new Case("ws offers everything, we narrow the windows",
                        Map.of("serverNoContextTakeover", true, "clientNoContextTakeover", true,
                                "serverMaxWindowBits", 12, "clientMaxWindowBits", 12),
                        defaults.toBuilder().serverMaxWindowBits(10).clientMaxWindowBits(11).build(),
                        Set.of("server_no_context_takeover", "client_no_context_takeover", "server_max_window_bits=10",
                                "client_max_window_bits=11")),
                new Case("deflate off on our side", Map.of(), null, null));
    }

    @Test
    void compressedFragmentsFromWsAreInflatedWhole() throws Exception {
        EventRecorder echo = EventRecorder.echoing();
        EndpointOptions endpoint = EndpointOptions.builder().deflate(PerMessageDeflateOptions.DEFAULTS).build();
        try (WebSocketServer server = OurServer.onLoopback().endpoint("/echo", echo, endpoint).build().start()) {
            byte[] text = Payloads.repeatedText(60_000).replace("pasta", "Käse").getBytes(StandardCharsets.UTF_8);
            // ws compresses a fragmented message as one stream: RSV1 on the first frame only (RFC 7692 section 6.1)
            PeerProcess ws = ScriptedClient.ws(OurServer.uri(server, "/echo"), List.of(),
                    Map.of("perMessageDeflate", Map.of("threshold", 0)), List.of(
                            Steps.fragment(Arrays.copyOfRange(text, 0, 20_001), false, false),
                            Steps.fragment(Arrays.copyOfRange(text, 20_001, 40_000), false, false),
                            Steps.fragment(Arrays.copyOfRange(text, 40_000, text.length), false, true),
                            await("message"), Steps.close(1000, "")));
            assertEquals(Payloads.sha256(text), echo.await("text").sha256(), "our server inflated the fragments whole");
            assertEquals(Payloads.sha256(text), ws.await("message").path("sha256").asText());
            // everything ws wrote up to the last fragment, its upgrade request included
            long wireOut = ws.all("sent").get(2).path("wireOut").asLong();
            assertTrue(wireOut < text.length / 8, "ws sent the fragments compressed: " + wireOut + " bytes");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void negotiatesAndCompressesAsAgreed(Case c) throws Exception {
        EventRecorder echo = EventRecorder.echoing();
        EndpointOptions.Builder endpoint = EndpointOptions.builder();
        if (c.ours() != null) {
            // threshold 0: every message is compressed, so sizes on the wire tell what happened
            endpoint.deflate(c.ours().toBuilder().threshold(0).build());
        }
        try (WebSocketServer server = OurServer.onLoopback().endpoint("/echo", echo, endpoint.build()).build().start()) {
            Map<String, Object> offer = new LinkedHashMap<>(c.wsOffer());
            offer.put("threshold", 0);
            PeerProcess ws = ScriptedClient.ws(OurServer.uri(server, "/echo"), List.of(),
                    Map.of("perMessageDeflate", offer), List.of(
                            Steps.generated(REPEAT, "repeat", false), await("message"),
                            Steps.generated(REPEAT, "repeat", false), await("message"),
                            Steps.generated(BLOCKS, "blocks", false), await("message"),
                            Steps.generated(LARGE, "repeat", true), await("message"),
                            Steps.generated(100_000, "random", true), await("message"),
                            Steps.close(1000, "")));

            JsonNode open = ws.await("open");
            Set<String> agreed = DeflateParameters.of(open.path("extensions").asText(null));
            assertEquals(c.agreed(), agreed, "ws saw " + open);
            // our WebSocket.extensions() names the tokens only, without parameters
            String ours = echo.await("open").socket().extensions();
            assertEquals(c.agreed() != null, ours != null && ours.equals("permessage-deflate"), "our side: " + ours);

            List<JsonNode> sent = ws.all("sent");
            List<JsonNode> received = ws.all("message");
            assertEquals(5, received.size(), ws.describe());
            long[] wire = new long[5];
            long before = open.path("wireIn").asLong();
            for (int i = 0; i < 5; i++) {
                assertEquals(sent.get(i).path("sha256").asText(), received.get(i).path("sha256").asText(), "echo " + i);
                assertEquals(sent.get(i).path("sha256").asText(), echo.all(i < 3 ? "text" : "binary").get(i < 3 ? i : i - 3)
                        .sha256(), "our server inflated message " + i + " right");
                wire[i] = received.get(i).path("wireIn").asLong() - before;
                before = received.get(i).path("wireIn").asLong();
            }
            CompressedSizes.assertAsAgreed(agreed, "server", wire);
        }
    }
}
