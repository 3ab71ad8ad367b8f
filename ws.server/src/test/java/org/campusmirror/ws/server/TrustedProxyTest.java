package org.campusmirror.ws.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The remote address the upgrade hook sees: X-Forwarded-For and Forwarded count only from trusted proxies. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TrustedProxyTest {
    private final BlockingQueue<InetSocketAddress> seen = new LinkedBlockingQueue<>();

    private final WebSocketEndpoint recording = new WebSocketEndpoint() {
        @Override
        public UpgradeDecision upgrade(UpgradeRequest request) {
            seen.add(request.remoteAddress());
            return UpgradeDecision.reject(403);
        }
    };

    private String clientSeenWith(List<String> trusted, String headers) throws Exception {
        try (WebSocketServer server = Loopback.server().trustedProxies(trusted).endpoint("/", recording).build()
                .start()) {
            Loopback.rawExchange(server, Loopback.upgradeRequest("/", headers));
            return seen.poll(10, TimeUnit.SECONDS).getAddress().getHostAddress();
        }
    }

    @Test
    void untrustedPeerCannotClaimAnotherAddress() throws Exception {
        assertEquals("127.0.0.1", clientSeenWith(List.of(), "X-Forwarded-For: 198.51.100.9\r\n"));
        assertEquals("127.0.0.1", clientSeenWith(List.of("10.0.0.0/8"), "X-Forwarded-For: 198.51.100.9\r\n"));
    }

    @Test
    void trustedProxyReportsTheClient() throws Exception {
        assertEquals("198.51.100.9", clientSeenWith(List.of("127.0.0.1"), "X-Forwarded-For: 198.51.100.9\r\n"));
    }

    @Test
    void chainOfTrustedProxiesIsWalkedFromTheRight() throws Exception {
        assertEquals("203.0.113.7", clientSeenWith(List.of("127.0.0.0/8", "10.0.0.0/8"),
                "X-Forwarded-For: 203.0.113.7, 10.1.2.3\r\n"));
    }

    @Test
    void forgedLeftmostEntryIsIgnored() throws Exception {
        assertEquals("203.0.113.7", clientSeenWith(List.of("127.0.0.1"),
                "X-Forwarded-For: 1.1.1.1, 203.0.113.7\r\n"));
    }

    @Test
    void forwardedHeaderWithIpv6AndPort() throws Exception {
        assertEquals("2001:db8:0:0:0:0:0:1", clientSeenWith(List.of("127.0.0.1"),
                "Forwarded: for=\"[2001:db8::1]:4711\";proto=https\r\n"));
    }

    @Test
    void withoutHeadersThePeerIsTheClient() throws Exception {
        assertEquals("127.0.0.1", clientSeenWith(List.of("127.0.0.1"), ""));
    }
}
