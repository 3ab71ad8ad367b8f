package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The console over HTTPS with the certificate generated at first start: kept owner-only, announced once with its
 * fingerprint, trusted by an admin through {@code tls/console.crt} with host names verified, reused after a
 * restart; and the generated secrets are on no console page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ConsoleHttpsTest {
    private static final Pattern GENERATED_CERTIFICATE = Pattern.compile(
            "generated a self-signed certificate for the Web Console: (\\S+) \\(SHA-256 fingerprint ([0-9A-F:]+)\\)");
    private static final Pattern GENERATED_PASSWORD = Pattern.compile(
            "generated the Web Console password for user admin: (\\S+)");

    private Path home;
    private MirrorProcess mirror;
    private String password;
    private String fingerprint;

    @BeforeAll
    void firstStart() throws Exception {
        home = MirrorProcess.workFolder("console-https").resolve("home");
        mirror = MirrorProcess.start(MirrorProcess.Options.in(home)).awaitReady();
        Matcher generated = GENERATED_PASSWORD.matcher(mirror.output());
        assertTrue(generated.find(), mirror.output());
        password = generated.group(1);
    }

    @AfterAll
    void kill() throws InterruptedException {
        if (mirror != null) {
            mirror.close();
        }
    }

    @Test
    @Order(1)
    void certificateIsGeneratedOwnerOnlyAndAnnouncedOnceWithItsFingerprint() throws Exception {
        Path tls = home.resolve("tls");
        assertEquals("rw-------", mode(tls.resolve("console.p12")));
        assertEquals("rw-------", mode(tls.resolve("console.p12.password")));
        assertEquals("rw-------", mode(home.resolve("console.credentials")));
        assertTrue(Files.readString(tls.resolve("console.crt")).startsWith("-----BEGIN CERTIFICATE-----"));

        Matcher announced = GENERATED_CERTIFICATE.matcher(mirror.output());
        assertTrue(announced.find(), mirror.output());
        assertEquals(tls.resolve("console.crt").toString(), announced.group(1));
        fingerprint = announced.group(2);
        assertEquals(Tls.fingerprint(Tls.certificate(tls.resolve("console.crt"))), fingerprint,
                "the announced fingerprint is the certificate's");
        assertFalse(announced.find(), "announced once");
    }

    @Test
    @Order(2)
    void consoleOverHttpsWithTheCertificateTrustedAndHostNamesVerified() throws Exception {
        SSLContext trusted = Tls.trusting(home.resolve("tls/console.crt"));
        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            URI base = URI.create("https://" + host + ":" + mirror.options().httpsPort());
            var page = new ConsoleClient(base, "admin", password, trusted).get("/system/console/bundles");
            assertEquals(200, page.statusCode(), host);
            assertEquals(fingerprint, Tls.fingerprint(page.sslSession().orElseThrow().getPeerCertificates()[0]));
            assertEquals(401, new ConsoleClient(base, "admin", "admin", trusted).get("/system/console/bundles")
                    .statusCode(), host);
            assertEquals(401, new ConsoleClient(base, null, null, trusted).get("/system/console/bundles")
                    .statusCode(), host);
        }
    }

    @Test
    @Order(3)
    void aClientThatDoesNotTrustTheCertificateGetsNoConnection() throws Exception {
        URI base = URI.create("https://127.0.0.1:" + mirror.options().httpsPort());
        ConsoleClient untrusting = new ConsoleClient(base, "admin", password, SSLContext.getDefault());
        assertThrows(SSLHandshakeException.class, () -> untrusting.get("/system/console/bundles"));
    }

    @Test
    @Order(4)
    void generatedSecretsAreOnNoConsolePage() throws Exception {
        String keystorePassword = Files.readString(home.resolve("tls/console.p12.password")).strip();
        Map<String, String> pages = ConsolePages.fetchAll(new ConsoleClient(mirror.options().httpPort(), "admin",
                password));
        List<String> leaks = new ArrayList<>();
        pages.forEach((page, text) -> {
            if (text.contains(password) || text.contains(keystorePassword)) {
                leaks.add(page);
            }
        });
        assertTrue(leaks.isEmpty(), "secrets on " + leaks);
        String log = Files.readString(home.resolve("logs/mirror.log"), StandardCharsets.UTF_8);
        assertFalse(log.contains(password) || log.contains(keystorePassword), "no secret in mirror.log");
    }

    @Test
    @Order(5)
    void restartReusesTheCertificateSilently() throws Exception {
        mirror.stop();
        mirror = MirrorProcess.start(mirror.options()).awaitReady();
        assertFalse(GENERATED_CERTIFICATE.matcher(mirror.output()).find(), mirror.output());
        URI base = URI.create("https://localhost:" + mirror.options().httpsPort());
        var page = new ConsoleClient(base, "admin", password, Tls.trusting(home.resolve("tls/console.crt")))
                .get("/system/console/bundles");
        assertEquals(200, page.statusCode());
        assertEquals(fingerprint, Tls.fingerprint(page.sslSession().orElseThrow().getPeerCertificates()[0]));
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
