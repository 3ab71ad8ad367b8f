package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Secrets given on the command line stay secret: the console password and an admin's keystore password, both
 * given as {@code -D}, appear on none of the console's pages, downloads or dumps, and in no log line. The admin's
 * keystore is the one HTTPS presents.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ConsoleSecretsTest {
    private static final String CONSOLE_PASSWORD = "Console-Secret-5f3a91";
    private static final String KEYSTORE_PASSWORD = "Keystore-Secret-c0ffee";

    @Test
    void givenPasswordsAreOnNoConsolePageAndInNoLog() throws Exception {
        Path work = MirrorProcess.workFolder("console-secrets");
        Path keystore = Tls.adminKeystore(work.resolve("admins-own.p12"), KEYSTORE_PASSWORD, "mirror.example");
        Path home = work.resolve("home");
        MirrorProcess.Options options = MirrorProcess.Options.in(home)
                .withProperty("mirror.admin.password", CONSOLE_PASSWORD)
                .withProperty("mirror.https.keystore", keystore.toString())
                .withProperty("mirror.https.keystore.password", KEYSTORE_PASSWORD);
        try (MirrorProcess mirror = MirrorProcess.start(options).awaitReady()) {
            ConsoleClient console = new ConsoleClient(options.httpPort(), "admin", CONSOLE_PASSWORD);
            Map<String, String> pages = ConsolePages.fetchAll(console);

            // The crawl reaches the pages where a leak would show: the system properties with the keystore's path.
            String systemProperties = pages.get("/system/console/status-System%20Properties.txt");
            assertTrue(systemProperties.contains("mirror.https.keystore = " + keystore), systemProperties);
            assertTrue(pages.size() > 40, "pages fetched: " + pages.keySet());
            for (Map.Entry<String, String> page : pages.entrySet()) {
                assertFalse(page.getValue().contains(CONSOLE_PASSWORD), "console password on " + page.getKey());
                assertFalse(page.getValue().contains(KEYSTORE_PASSWORD), "keystore password on " + page.getKey());
            }

            String log = Files.readString(home.resolve("logs/mirror.log"), StandardCharsets.UTF_8) + mirror.output();
            assertFalse(log.contains(CONSOLE_PASSWORD), "console password in the log");
            assertFalse(log.contains(KEYSTORE_PASSWORD), "keystore password in the log");

            X509Certificate own = Tls.certificateIn(keystore, KEYSTORE_PASSWORD);
            SSLContext trustingIt = Tls.trusting(writePem(work.resolve("admins-own.crt"), own));
            var overHttps = new ConsoleClient(URI.create("https://127.0.0.1:" + options.httpsPort()), "admin",
                    CONSOLE_PASSWORD, trustingIt).get("/system/console/bundles");
            assertEquals(200, overHttps.statusCode());
            assertEquals(Tls.fingerprint(own),
                    Tls.fingerprint(overHttps.sslSession().orElseThrow().getPeerCertificates()[0]));
            assertFalse(Files.exists(home.resolve("tls/console.p12")), "nothing generated beside the admin's keystore");
        }
    }

    private static Path writePem(Path file, X509Certificate certificate) throws Exception {
        String base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded());
        return Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
    }
}
