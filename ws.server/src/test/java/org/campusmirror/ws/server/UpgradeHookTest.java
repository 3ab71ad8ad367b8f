package org.campusmirror.ws.server;

import org.campusmirror.ws.server.osgi.EchoEndpointComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.campusmirror.ws.protocol.HttpHeader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Routing by path and the upgrade hook: 404 for an unknown path, 401 with {@code WWW-Authenticate}, 403 for
 * a refused user or an Origin off the allow-list, the subprotocol, the principal on the connection.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UpgradeHookTest {
    /** Accepts {@code Authorization: Bearer good} as alice, refuses {@code Bearer bad} (403), else asks (401). */
    static final class TokenEndpoint implements WebSocketEndpoint {
        @Override
        public UpgradeDecision upgrade(UpgradeRequest request) {
            String authorization = request.header("Authorization");
            if (authorization == null) {
                return UpgradeDecision.reject(401, List.of(new HttpHeader("WWW-Authenticate", "Bearer realm=\"mirror\"")));
            }
            if (!authorization.equals("Bearer good")) {
                return UpgradeDecision.reject(403);
            }
            return UpgradeDecision.accept().principal("alice").header("X-Mirror-User", "alice");
        }

        @Override
        public void onOpen(WebSocket socket) {
            socket.sendText("hello " + socket.principal() + " on " + socket.path());
        }
    }

    private WebSocketServer server;
    private WebSocketClient client;

    @BeforeEach
    void start() throws Exception {
        server = Loopback.server()
                .endpoint("/private", new TokenEndpoint())
                .endpoint("/echo", new EchoEndpointComponent(), EndpointOptions.builder()
                        .allowedOrigins(Set.of("https://mirror.example"))
                        .subprotocols(List.of("mirror.v2", "mirror.v1"))
                        .build())
                .endpoint("/chooser", new WebSocketEndpoint() {
                    @Override
                    public UpgradeDecision upgrade(UpgradeRequest request) {
                        // the hook picks the client's last offer, whatever the options say
                        List<String> offered = request.offeredSubprotocols();
                        return UpgradeDecision.accept().subprotocol(offered.get(offered.size() - 1));
                    }
                })
                .build().start();
        client = WebSocketClient.builder().build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void unknownPathGets404() throws Exception {
        String head = Loopback.rawExchange(server, Loopback.upgradeRequest("/nowhere", ""));
        assertTrue(head.startsWith("HTTP/1.1 404 Not Found\r\n"), head);
        assertEquals(1, server.stats().handshakesRejected());
    }

    @Test
    void queryDoesNotChangeTheRoute() throws Exception {
        String head = Loopback.rawExchange(server, Loopback.upgradeRequest("/echo?display=3",
                "Origin: https://mirror.example\r\n"));
        assertTrue(head.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), head);
    }

    @Test
    void noCredentialsGets401WithChallenge() throws Exception {
        String head = Loopback.rawExchange(server, Loopback.upgradeRequest("/private", ""));
        assertTrue(head.startsWith("HTTP/1.1 401 Unauthorized\r\n"), head);
        assertTrue(head.contains("\r\nWWW-Authenticate: Bearer realm=\"mirror\"\r\n"), head);
    }

    @Test
    void wrongCredentialsGet403() throws Exception {
        String head = Loopback.rawExchange(server, Loopback.upgradeRequest("/private", "Authorization: Bearer bad\r\n"));
        assertTrue(head.startsWith("HTTP/1.1 403 Forbidden\r\n"), head);
    }

    @Test
    void acceptedUserBecomesThePrincipal() throws Exception {
        Recorder recorder = new Recorder();
        ClientOptions options = ClientOptions.builder()
                .headers(List.of(new HttpHeader("Authorization", "Bearer good"))).build();
        client.connect(Loopback.uri(server, "/private"), options, recorder).get(10, TimeUnit.SECONDS);
        assertEquals("hello alice on /private", recorder.next().data());
        String head = Loopback.rawExchange(server, Loopback.upgradeRequest("/private", "Authorization: Bearer good\r\n"));
        assertTrue(head.contains("\r\nX-Mirror-User: alice\r\n"), head);
    }

    @Test
    void clientSeesRefusalAsHandshakeException() {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.connect(Loopback.uri(server, "/private"), ClientOptions.DEFAULTS, new Recorder())
                        .get(10, TimeUnit.SECONDS));
        WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        assertEquals(401, refused.status());
    }

    @Test
    void originOffTheAllowListGets403() throws Exception {
        String head = Loopback.rawExchange(server, Loopback.upgradeRequest("/echo", "Origin: https://evil.example\r\n"));
        assertTrue(head.startsWith("HTTP/1.1 403 Forbidden\r\n"), head);
        String none = Loopback.rawExchange(server, Loopback.upgradeRequest("/echo", ""));
        assertTrue(none.startsWith("HTTP/1.1 403 Forbidden\r\n"), "no Origin is not on the list either: " + none);
    }

    @Test
    void originOnTheAllowListIsServedWithTheFirstSupportedSubprotocol() throws Exception {
        ClientOptions options = ClientOptions.builder().origin("https://mirror.example")
                .subprotocols(List.of("chat", "mirror.v1", "mirror.v2")).build();
        WebSocket socket = client.connect(Loopback.uri(server, "/echo"), options, new Recorder()).get(10, TimeUnit.SECONDS);
        // the client's order decides among the offers the endpoint supports (as in ws)
        assertEquals("mirror.v1", socket.subprotocol());
    }

    @Test
    void noCommonSubprotocolMeansNone() throws Exception {
        ClientOptions options = ClientOptions.builder().origin("https://mirror.example")
                .subprotocols(List.of("chat")).build();
        WebSocket socket = client.connect(Loopback.uri(server, "/echo"), options, new Recorder()).get(10, TimeUnit.SECONDS);
        assertNull(socket.subprotocol());
    }

    @Test
    void hookMayPickTheSubprotocol() throws Exception {
        ClientOptions options = ClientOptions.builder().subprotocols(List.of("a", "b", "c")).build();
        WebSocket socket = client.connect(Loopback.uri(server, "/chooser"), options, new Recorder())
                .get(10, TimeUnit.SECONDS);
        assertEquals("c", socket.subprotocol());
    }

    @Test
    void endpointAddedAndRemovedAtRunTime() throws Exception {
        server.addEndpoint("/late", new EchoEndpointComponent(), EndpointOptions.DEFAULTS);
        Recorder recorder = new Recorder();
        Loopback.connect(client, server, "/late", recorder);
        assertTrue(server.removeEndpoint("/late"));
        assertEquals(1001, recorder.awaitClose());
        String head = Loopback.rawExchange(server, Loopback.upgradeRequest("/late", ""));
        assertTrue(head.startsWith("HTTP/1.1 404 "), head);
    }
}
