package org.campusmirror.mirror.runtime.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSecurityProviderTest {
    private static final String PASSWORD = HashedCredentialsTest.PASSWORD;

    @TempDir
    Path home;

    private final AtomicLong now = new AtomicLong();
    private ConsoleSecurityProvider provider;

    @BeforeEach
    void writeCredentials() throws Exception {
        Files.writeString(home.resolve("console.credentials"), HashedCredentialsTest.LINE + "\n");
        provider = new ConsoleSecurityProvider(home.resolve("console.credentials"), now::get);
        provider.setHttps(() -> OptionalInt.of(9443));
    }

    @Test
    void loopbackWithTheRightPasswordIsAdmin() {
        FakeExchange exchange = FakeExchange.plain("127.0.0.1", "admin", PASSWORD);
        assertEquals("admin", authenticate(exchange));
        assertEquals("admin", exchange.attributes.get("org.osgi.service.http.authentication.remote.user"));
        assertEquals("BASIC", exchange.attributes.get("org.osgi.service.http.authentication.type"));
        assertTrue(provider.authorize("admin", "anything"));
    }

    @Test
    void missingOrWrongCredentialsGetAChallenge() {
        for (FakeExchange exchange : new FakeExchange[] {FakeExchange.plain("127.0.0.1", null, null),
                FakeExchange.plain("127.0.0.1", "admin", "admin"), FakeExchange.plain("127.0.0.1", "admin", ""),
                FakeExchange.plain("127.0.0.1", "root", PASSWORD)}) {
            assertNull(authenticate(exchange));
            assertEquals(401, exchange.status);
            assertEquals("Basic realm=\"Campus Mirror\", charset=\"UTF-8\"",
                    exchange.responseHeaders.get("WWW-Authenticate"));
        }
    }

    @Test
    void plainHttpFromTheNetworkIsSentToHttpsBeforeAnyCredentialIsLookedAt() {
        FakeExchange exchange = FakeExchange.plain("192.0.2.50", "admin", PASSWORD);
        assertNull(authenticate(exchange), "the right password over plain HTTP does not log in");
        assertEquals(302, exchange.status);
        assertEquals("https://mirror.local:9443/system/console/bundles", exchange.redirect);
        assertTrue(exchange.attributes.isEmpty());
    }

    @Test
    void withoutHttpsThePlainNetworkRequestIsRefusedNotServed() {
        provider.setHttps(null);
        FakeExchange exchange = FakeExchange.plain("192.0.2.50", "admin", PASSWORD);
        assertNull(authenticate(exchange));
        assertEquals(503, exchange.status);
        assertTrue(exchange.body().contains("HTTPS only"), exchange.body());
    }

    @Test
    void httpsFromTheNetworkLogsIn() {
        assertEquals("admin", authenticate(FakeExchange.secure("192.0.2.50", "admin", PASSWORD)));
    }

    @Test
    void repeatedFailuresLockTheClientOutEvenForTheRightPassword() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertNull(authenticate(FakeExchange.secure("192.0.2.50", "admin", "guess" + i)));
        }
        FakeExchange locked = FakeExchange.secure("192.0.2.50", "admin", PASSWORD);
        assertNull(authenticate(locked));
        assertEquals(429, locked.status);
        assertEquals("1", locked.responseHeaders.get("Retry-After"));

        assertEquals("admin", authenticate(FakeExchange.secure("192.0.2.51", "admin", PASSWORD)), "another client");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals("admin", authenticate(FakeExchange.secure("192.0.2.50", "admin", PASSWORD)), "after the lockout");
    }

    @Test
    void acceptedCredentialsPassALockoutOfTheirAddress() {
        assertEquals("admin", authenticate(FakeExchange.secure("192.0.2.50", "admin", PASSWORD)));
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            authenticate(FakeExchange.secure("192.0.2.50", "admin", "guess" + i)); // someone else behind the NAT
        }
        assertEquals("admin", authenticate(FakeExchange.secure("192.0.2.50", "admin", PASSWORD)),
                "the admin's browser keeps working");
        FakeExchange afterSuccess = FakeExchange.secure("192.0.2.50", "admin", "typo");
        assertNull(authenticate(afterSuccess));
        assertEquals(401, afterSuccess.status, "a successful login cleared the record");
    }

    @Test
    void withoutReadableCredentialsEveryoneIsRefused() throws Exception {
        Files.writeString(home.resolve("console.credentials"), "admin:admin\n");
        provider = new ConsoleSecurityProvider(home.resolve("console.credentials"), now::get);
        for (String password : new String[] {"admin", PASSWORD, ""}) {
            FakeExchange exchange = FakeExchange.plain("127.0.0.1", "admin", password);
            assertNull(authenticate(exchange));
            assertEquals(401, exchange.status);
        }
        assertEquals(false, provider.authorize("admin", "x"));
    }

    private Object authenticate(FakeExchange exchange) {
        return provider.authenticate(exchange.request(), exchange.response());
    }
}
