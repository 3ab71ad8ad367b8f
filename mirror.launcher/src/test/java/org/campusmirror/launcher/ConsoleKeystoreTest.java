package org.campusmirror.launcher;

import static org.campusmirror.launcher.MirrorSettingsTest.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the JDK's real keytool, as the mirror does at first start. */
class ConsoleKeystoreTest {
    private static final Pattern ANNOUNCED = Pattern.compile(
            "generated a self-signed certificate for the Web Console: (\\S+) \\(SHA-256 fingerprint ([0-9A-F:]{95})\\)");

    @TempDir
    Path home;

    private final List<String> said = new ArrayList<>();

    @Test
    void firstStartGeneratesOwnerOnlyKeystoreAndReadableCertificateAndAnnouncesTheFingerprint() throws Exception {
        Path tls = home.resolve("tls");
        ConsoleKeystore keystore = ConsoleKeystore.resolve(new Properties(), Map.of(), tls, said::add);

        assertEquals(tls.resolve("console.p12"), keystore.path());
        assertEquals("PKCS12", keystore.type());
        assertEquals(tls.resolve("console.p12.password"), keystore.passwordFile());
        assertEquals("rw-------", mode(keystore.path()));
        assertEquals("rw-------", mode(keystore.passwordFile()));
        assertEquals("rw-r--r--", mode(tls.resolve("console.crt")));
        try (var files = Files.list(tls)) {
            assertEquals(3, files.count(), "nothing else left in tls/");
        }

        assertEquals(1, said.size(), said.toString());
        Matcher announced = ANNOUNCED.matcher(said.get(0));
        assertTrue(announced.find(), said.get(0));
        assertEquals(tls.resolve("console.crt").toString(), announced.group(1));
        assertEquals(SelfSignedCertificate.fingerprint(tls.resolve("console.crt")), announced.group(2));

        X509Certificate certificate = certificate(tls.resolve("console.crt"));
        List<String> names = new ArrayList<>();
        certificate.getSubjectAlternativeNames().forEach(name -> names.add(String.valueOf(name.get(1))));
        assertTrue(names.containsAll(List.of("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1")), names.toString());
        assertTrue(certificate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        String password = ConsoleKeystore.readPassword(keystore.passwordFile());
        assertTrue(password.length() >= 20, "a strong random password");
        ConsoleKeystore.open(keystore.path(), "PKCS12", password);
    }

    @Test
    void laterStartsReuseTheCertificateSilently() throws Exception {
        Path tls = home.resolve("tls");
        ConsoleKeystore.resolve(new Properties(), Map.of(), tls, said::add);
        String fingerprint = SelfSignedCertificate.fingerprint(tls.resolve("console.crt"));
        ConsoleKeystore.resolve(new Properties(), Map.of(), tls, said::add);
        assertEquals(1, said.size(), "announced on the first start only");
        assertEquals(fingerprint, SelfSignedCertificate.fingerprint(tls.resolve("console.crt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"console.p12", "console.p12.password", "console.crt"})
    void aMissingPieceGetsTheWholeSetReplaced(String missing) throws Exception {
        Path tls = home.resolve("tls");
        ConsoleKeystore.resolve(new Properties(), Map.of(), tls, said::add);
        String fingerprint = SelfSignedCertificate.fingerprint(tls.resolve("console.crt"));
        Files.delete(tls.resolve(missing));
        ConsoleKeystore keystore = ConsoleKeystore.resolve(new Properties(), Map.of(), tls, said::add);
        assertEquals(2, said.size(), said.toString());
        assertNotEquals(fingerprint, SelfSignedCertificate.fingerprint(tls.resolve("console.crt")));
        ConsoleKeystore.open(keystore.path(), "PKCS12", ConsoleKeystore.readPassword(keystore.passwordFile()));
    }

    @Test
    void certificateNearItsEndIsRenewedAtStart() throws Exception {
        Path tls = home.resolve("tls");
        ConsoleKeystore.resolve(new Properties(), Map.of(), tls, said::add);
        String password = ConsoleKeystore.readPassword(tls.resolve("console.p12.password"));
        // The same password, a certificate with 10 days left: inside the 30 days of RENEW_BEFORE.
        Files.delete(tls.resolve("console.p12"));
        keytool("-genkeypair", "-keystore", tls.resolve("console.p12").toString(), "-storetype", "PKCS12",
                "-storepass", password, "-alias", "console", "-keyalg", "EC", "-validity", "10",
                "-dname", "CN=old", "-noprompt");
        Files.delete(tls.resolve("console.crt"));
        keytool("-exportcert", "-rfc", "-keystore", tls.resolve("console.p12").toString(), "-storepass", password,
                "-alias", "console", "-file", tls.resolve("console.crt").toString());
        ConsoleKeystore.resolve(new Properties(), Map.of(), tls, said::add);
        assertEquals(2, said.size(), said.toString());
        X509Certificate renewed = certificate(tls.resolve("console.crt"));
        assertTrue(renewed.getNotAfter().toInstant().isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(800))),
                renewed.getNotAfter().toString());
    }

    @Test
    void givenKeystoreWithPropertyPasswordIsCheckedAndItsPasswordHandedOverInAnOwnerOnlyFile() throws Exception {
        Path given = adminKeystore("admin-store-pw");
        Properties system = properties("mirror.https.keystore", given.toString(),
                "mirror.https.keystore.password", "admin-store-pw");
        ConsoleKeystore keystore = ConsoleKeystore.resolve(system, Map.of(), home.resolve("tls"), said::add);

        assertNull(system.getProperty("mirror.https.keystore.password"), "taken out of the system properties");
        assertEquals(given, keystore.path());
        assertEquals(home.resolve("tls/keystore.password"), keystore.passwordFile());
        assertEquals("admin-store-pw", ConsoleKeystore.readPassword(keystore.passwordFile()));
        assertEquals("rw-------", mode(keystore.passwordFile()));
        assertTrue(said.isEmpty(), "nothing generated");
        assertFalse(Files.exists(home.resolve("tls/console.p12")));
    }

    @Test
    void givenKeystoreWithPasswordFromTheEnvironmentOrAFile() throws Exception {
        Path given = adminKeystore("env-pw");
        ConsoleKeystore fromEnvironment = ConsoleKeystore.resolve(properties("mirror.https.keystore", given.toString()),
                Map.of("MIRROR_HTTPS_KEYSTORE_PASSWORD", "env-pw"), home.resolve("tls"), said::add);
        assertEquals("env-pw", ConsoleKeystore.readPassword(fromEnvironment.passwordFile()));

        Path ownFile = Files.writeString(home.resolve("my.password"), "env-pw\n");
        ConsoleKeystore fromFile = ConsoleKeystore.resolve(properties("mirror.https.keystore", given.toString(),
                "mirror.https.keystore.password.file", ownFile.toString()), Map.of(), home.resolve("tls"), said::add);
        assertEquals(ownFile, fromFile.passwordFile());
        assertFalse(Files.exists(home.resolve("tls/keystore.password")), "the handed-over copy is gone");
    }

    @Test
    void givenKeystoreProblemsStopStartupWithOneLine() throws Exception {
        Path given = adminKeystore("right-password");
        Path tls = home.resolve("tls");
        StartupException wrong = assertThrows(StartupException.class, () -> ConsoleKeystore.resolve(properties(
                "mirror.https.keystore", given.toString(), "mirror.https.keystore.password", "wrong"), Map.of(), tls,
                said::add));
        assertTrue(wrong.getMessage().startsWith("cannot open the keystore " + given), wrong.getMessage());

        StartupException noPassword = assertThrows(StartupException.class, () -> ConsoleKeystore.resolve(
                properties("mirror.https.keystore", given.toString()), Map.of(), tls, said::add));
        assertTrue(noPassword.getMessage().contains("MIRROR_HTTPS_KEYSTORE_PASSWORD"), noPassword.getMessage());

        StartupException noKeystore = assertThrows(StartupException.class, () -> ConsoleKeystore.resolve(
                properties("mirror.https.keystore.password", "x"), Map.of(), tls, said::add));
        assertTrue(noKeystore.getMessage().startsWith("a keystore password is given but no keystore"),
                noKeystore.getMessage());

        StartupException badType = assertThrows(StartupException.class, () -> ConsoleKeystore.resolve(properties(
                "mirror.https.keystore", given.toString(), "mirror.https.keystore.password", "right-password",
                "mirror.https.keystore.type", "NOPE"), Map.of(), tls, said::add));
        assertEquals("-Dmirror.https.keystore.type=NOPE is not a keystore type this Java supports",
                badType.getMessage());
    }

    /** A keystore as an admin makes one: keytool, PKCS12, one key pair. */
    private Path adminKeystore(String password) throws Exception {
        Path keystore = home.resolve("admin-" + password + ".p12");
        keytool("-genkeypair", "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", password,
                "-alias", "mine", "-keyalg", "EC", "-dname", "CN=mirror.example", "-noprompt");
        return keystore;
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static String mode(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
