package org.campusmirror.ws.server.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.campusmirror.ws.server.ClientOptions;
import org.campusmirror.ws.server.EndpointOptions;
import org.campusmirror.ws.server.WebSocket;
import org.campusmirror.ws.server.WebSocketClient;
import org.campusmirror.ws.server.WebSocketEndpoint;
import org.campusmirror.ws.server.WebSocketHandler;
import org.campusmirror.ws.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The whiteboard's logic on a real server, without a framework: endpoints arrive before and after the
 * start, leave (their connections get 1001), and wait when their path is taken.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EndpointWhiteboardTest {
    private WebSocketServer server;
    private WebSocketClient client;
    private final EndpointWhiteboard whiteboard = new EndpointWhiteboard();

    @BeforeEach
    void start() throws Exception {
        server = WebSocketServer.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).ioThreads(1).build();
        client = WebSocketClient.builder().build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    /** Answers every text with its own name. */
    private static WebSocketEndpoint named(String name) {
        return new WebSocketEndpoint() {
            @Override
            public void onText(WebSocket socket, String text) {
                socket.sendText(name);
            }
        };
    }

    private static Map<String, Object> path(String path) {
        return Map.of(WebSocketEndpoint.PATH_PROPERTY, path);
    }

    private String ask(String path) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket socket = client.connect(URI.create("ws://127.0.0.1:" + server.port() + path), ClientOptions.DEFAULTS,
                new WebSocketHandler() {
                    @Override
                    public void onText(WebSocket s, String text) {
                        answer.complete(text);
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("who?");
        String name = answer.get(10, TimeUnit.SECONDS);
        socket.close();
        return name;
    }

    @Test
    void endpointsBeforeAndAfterTheStartAreServed() throws Exception {
        whiteboard.add(1L, named("early"), path("/early"));
        server.start();
        whiteboard.start(server, false);
        whiteboard.add(2L, named("late"), path("/late"));
        assertEquals(Set.of("/early", "/late"), whiteboard.paths());
        assertEquals("early", ask("/early"));
        assertEquals("late", ask("/late"));
    }

    @Test
    void removedEndpointClosesItsConnectionsWith1001() throws Exception {
        server.start();
        whiteboard.start(server, false);
        whiteboard.add(1L, named("gone soon"), path("/temp"));
        BlockingQueue<Integer> codes = new LinkedBlockingQueue<>();
        client.connect(URI.create("ws://127.0.0.1:" + server.port() + "/temp"), ClientOptions.DEFAULTS,
                new WebSocketHandler() {
                    @Override
                    public void onClose(WebSocket s, int code, String reason) {
                        codes.add(code);
                    }
                }).get(10, TimeUnit.SECONDS);
        whiteboard.remove(1L);
        assertEquals(1001, codes.poll(10, TimeUnit.SECONDS));
        assertEquals(Set.of(), whiteboard.paths());
    }

    @Test
    void secondEndpointForAPathWaitsAndTakesOver() throws Exception {
        server.start();
        whiteboard.start(server, false);
        whiteboard.add(1L, named("first"), path("/same"));
        whiteboard.add(2L, named("second"), path("/same"));
        assertEquals("first", ask("/same"));
        whiteboard.remove(1L);
        assertEquals("second", ask("/same"));
    }

    @Test
    void endpointWithoutAPathIsIgnored() throws Exception {
        server.start();
        whiteboard.start(server, false);
        whiteboard.add(1L, named("nowhere"), Map.of());
        whiteboard.add(2L, named("relative"), path("relative"));
        assertEquals(Set.of(), whiteboard.paths());
    }

    @Test
    void servicePropertiesBecomeOptions() {
        EndpointOptions options = EndpointWhiteboard.options(Map.of(
                WebSocketEndpoint.SUBPROTOCOLS_PROPERTY, new String[] {"mirror.v1"},
                WebSocketEndpoint.ORIGINS_PROPERTY, "https://mirror.example",
                WebSocketEndpoint.HEARTBEAT_PROPERTY, 30,
                WebSocketEndpoint.BROADCAST_PROPERTY, Boolean.TRUE), true);
        assertEquals(List.of("mirror.v1"), options.subprotocols());
        assertEquals(Set.of("https://mirror.example"), options.allowedOrigins());
        assertEquals(30, options.heartbeat().toSeconds());
        assertTrue(options.broadcast());
        assertEquals("permessage-deflate", options.extensions().get(0).name(), "the server's deflate default applies");
        assertEquals(List.of(), EndpointWhiteboard.options(Map.of(WebSocketEndpoint.DEFLATE_PROPERTY, false), true)
                .extensions(), "an endpoint may turn deflate off");
    }

}
