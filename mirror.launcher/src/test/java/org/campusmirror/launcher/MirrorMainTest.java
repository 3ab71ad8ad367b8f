package org.campusmirror.launcher;

import static org.campusmirror.launcher.MirrorSettingsTest.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorMainTest {
    @TempDir
    Path home;

    @Test
    void prepareLaysOutTheHomeAndSetsTheLaunchProperties() throws Exception {
        Properties system = properties("mirror.home", home.toString(), "mirror.http.port", "0",
                "mirror.https.port", "0", "mirror.ws.port", "0", "mirror.admin.password", "pw");
        MirrorMain.prepare(system, Map.of(), false);
        for (String folder : new String[] {"framework", "configs", "cache", "logs", "deploy", "tls"}) {
            assertTrue(Files.isDirectory(home.resolve(folder)), folder);
        }
        assertEquals(home.resolve("framework").toString(), system.getProperty("org.osgi.framework.storage"));
        assertTrue(system.getProperty("logback.configurationFile").endsWith("org/campusmirror/launcher/logback.xml"),
                system.getProperty("logback.configurationFile"));
        assertEquals(home.resolve("tls/console.p12").toString(), system.getProperty("mirror.https.keystore"));
    }

    @Test
    void secretsLeaveTheSystemPropertiesAndOnlyTheSaltedHashIsWritten() throws Exception {
        Properties system = properties("mirror.home", home.toString(), "mirror.http.port", "0",
                "mirror.https.port", "0", "mirror.ws.port", "0", "mirror.admin.password", "Console-Secret-42");
        MirrorMain.prepare(system, Map.of(), false).credentialsWriter().join();
        String keystorePassword = Files.readString(home.resolve("tls/console.p12.password")).strip();
        for (String key : system.stringPropertyNames()) {
            String value = system.getProperty(key);
            assertFalse(value.contains("Console-Secret-42"), key);
            assertFalse(value.contains(keystorePassword), key);
        }
        assertNull(system.getProperty("felix.webconsole.password"));
        Path credentials = home.resolve("console.credentials");
        String line = Files.readString(credentials, StandardCharsets.UTF_8);
        assertTrue(line.startsWith("admin:pbkdf2-sha256:"), line);
        assertFalse(line.contains("Console-Secret-42"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
        assertFalse(Files.exists(home.resolve("admin.password")), "a given password is not stored");
    }

    @Test
    void previousCredentialsAreGoneBeforePrepareReturns() throws Exception {
        Path credentials = home.resolve("console.credentials");
        Files.writeString(credentials, "admin:pbkdf2-sha256:1000:b2xkLXNhbHQ=:b2xkLWhhc2gtb2YtYW4tb2xkLXBhc3N3b3Jk\n");
        Properties system = properties("mirror.home", home.toString(), "mirror.http.port", "0",
                "mirror.https.port", "0", "mirror.ws.port", "0", "mirror.admin.password", "new-one");
        MirrorMain.Prepared prepared = MirrorMain.prepare(system, Map.of(), false);
        // Either not yet written or already the new one: never the old password's hash.
        if (Files.exists(credentials)) {
            assertFalse(Files.readString(credentials).contains("b2xkLWhhc2gt"));
        }
        prepared.credentialsWriter().join();
        assertTrue(Files.readString(credentials).startsWith("admin:pbkdf2-sha256:100000:"));
    }

    @Test
    void emptyHostIsNotPassedOnAsAnAddress() throws Exception {
        Properties system = properties("mirror.home", home.toString(), "mirror.http.port", "0",
                "mirror.https.port", "0", "mirror.ws.port", "0", "mirror.admin.password", "pw",
                "mirror.http.host", "", "mirror.ws.host", " ");
        MirrorMain.prepare(system, Map.of(), false);
        assertNull(system.getProperty("mirror.http.host"));
        assertNull(system.getProperty("mirror.ws.host"));
        assertNull(system.getProperty("org.apache.felix.http.host"));
    }

    @Test
    void prepareStopsAtATakenPortBeforeTouchingThePassword() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            Properties system = properties("mirror.home", home.toString(), "mirror.http.port", "0",
                    "mirror.https.port", Integer.toString(taken.getLocalPort()), "mirror.ws.port", "0");
            StartupException busy = assertThrows(StartupException.class, () -> MirrorMain.prepare(system, Map.of(), false));
            assertTrue(busy.getMessage().endsWith("set -Dmirror.https.port=N"), busy.getMessage());
            assertTrue(Files.notExists(home.resolve("admin.password")));
        }
    }
}
