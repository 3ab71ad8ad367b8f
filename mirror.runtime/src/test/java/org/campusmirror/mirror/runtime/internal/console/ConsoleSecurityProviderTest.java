package org.campusmirror.mirror.runtime.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

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

    @Test
    void credentialsWrittenAfterActivationAreTakenUpAtTheNextLogin() throws Exception {
        Files.delete(home.resolve("console.credentials"));
        provider = new ConsoleSecurityProvider(home.resolve("console.credentials"), now::get);
        FakeExchange early = FakeExchange.plain("127.0.0.1", "admin", PASSWORD);
        assertNull(authenticate(early), "no credentials yet: nobody gets in");
        assertEquals(401, early.status);
        Files.writeString(home.resolve("console.credentials"), HashedCredentialsTest.LINE + "\n");
        assertEquals("admin", authenticate(FakeExchange.plain("127.0.0.1", "admin", PASSWORD)));
    }

    @Test
    void parallelRequestsWithTheSameNewCredentialsCostOneHashAndAllGetIn() throws Exception {
        useSlowHash();
        List<Object> users = inParallel(5, i -> authenticate(FakeExchange.secure("192.0.2.50", "admin", PASSWORD)));
        assertEquals(List.of("admin", "admin", "admin", "admin", "admin"), users);
    }

    @Test
    void aFloodOfGuessesIsTurnedAwayBeyondOneHashAndFourWaiting() throws Exception {
        useSlowHash();
        List<Integer> statuses = inParallel(12, i -> {
            FakeExchange guess = FakeExchange.secure("10.9.0." + i, "admin", "guess-" + i);
            authenticate(guess);
            return guess.status;
        });
        long checked = statuses.stream().filter(status -> status == 401).count();
        long turnedAway = statuses.stream().filter(status -> status == 503).count();
        assertEquals(12, checked + turnedAway, statuses.toString());
        assertTrue(checked >= 1 && checked <= 5, "one hashing, at most four waiting: " + statuses);
    }

    /** Credentials whose hash takes long enough (200,000 rounds) for parallel requests to meet. */
    private void useSlowHash() throws Exception {
        byte[] salt = "parallel-salt-16".getBytes(StandardCharsets.US_ASCII);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(PASSWORD.toCharArray(), salt, 200_000, 256)).getEncoded();
        Files.writeString(home.resolve("console.credentials"), "admin:pbkdf2-sha256:200000:"
                + Base64.getEncoder().encodeToString(salt) + ":" + Base64.getEncoder().encodeToString(hash) + "\n");
        provider = new ConsoleSecurityProvider(home.resolve("console.credentials"), now::get);
    }

    private static <T> List<T> inParallel(int count, IntFunction<T> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private Object authenticate(FakeExchange exchange) {
        return provider.authenticate(exchange.request(), exchange.response());
    }
}
