package org.campusmirror.launcher;

import static org.campusmirror.launcher.MirrorSettingsTest.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminPasswordTest {
    @TempDir
    Path home;

    @Test
    void propertyWinsOverEnvironmentAndFile() throws Exception {
        Files.writeString(home.resolve("admin.password"), "stored\n");
        AdminPassword password = AdminPassword.resolve(properties("mirror.admin.password", "given"),
                Map.of("MIRROR_ADMIN_PASSWORD", "from-env"), home.resolve("admin.password"));
        assertEquals(new AdminPassword("given", AdminPassword.Source.PROPERTY), password);
    }

    @Test
    void environmentWinsOverFileAndNothingIsStored() throws Exception {
        Path file = home.resolve("admin.password");
        AdminPassword password = AdminPassword.resolve(new Properties(),
                Map.of("MIRROR_ADMIN_PASSWORD", "from-env"), file);
        assertEquals(new AdminPassword("from-env", AdminPassword.Source.ENVIRONMENT), password);
        assertFalse(Files.exists(file));
    }

    @Test
    void firstStartGeneratesAndStoresWithMode600ThenReusesIt() throws Exception {
        Path file = home.resolve("admin.password");
        AdminPassword first = AdminPassword.resolve(new Properties(), Map.of(), file);
        assertEquals(AdminPassword.Source.GENERATED, first.source());
        assertEquals(AdminPassword.GENERATED_LENGTH, first.password().length());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        AdminPassword second = AdminPassword.resolve(new Properties(), Map.of(), file);
        assertEquals(new AdminPassword(first.password(), AdminPassword.Source.FILE), second);
    }

    @Test
    void storedFileWithLooseModeIsTightened() throws Exception {
        Path file = home.resolve("admin.password");
        Files.writeString(file, "kept-secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals("kept-secret", AdminPassword.resolve(new Properties(), Map.of(), file).password());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void emptyValuesAreRefusedNotTakenAsNoPassword() throws IOException {
        assertThrows(StartupException.class, () -> AdminPassword.resolve(
                properties("mirror.admin.password", " "), Map.of(), home.resolve("admin.password")));
        assertThrows(StartupException.class, () -> AdminPassword.resolve(
                new Properties(), Map.of("MIRROR_ADMIN_PASSWORD", ""), home.resolve("admin.password")));
        Files.writeString(home.resolve("admin.password"), "\n");
        assertThrows(StartupException.class, () -> AdminPassword.resolve(
                new Properties(), Map.of(), home.resolve("admin.password")));
    }

    @Test
    void generatedPasswordsDifferAndAvoidLookAlikes() {
        SecureRandom random = new SecureRandom();
        String one = AdminPassword.generate(random);
        String two = AdminPassword.generate(random);
        assertNotEquals(one, two);
        assertTrue(one.chars().noneMatch(c -> "01lIO".indexOf(c) >= 0), one);
    }

    @Test
    void givenPropertyLeavesTheSystemPropertiesAtOnce() throws Exception {
        Properties system = properties("mirror.admin.password", "given", "other", "kept");
        AdminPassword.resolve(system, Map.of(), home.resolve("admin.password"));
        assertNull(system.getProperty("mirror.admin.password"));
        assertEquals("kept", system.getProperty("other"));
    }

    @Test
    void toStringNeverShowsThePassword() {
        assertFalse(new AdminPassword("s3cret-value", AdminPassword.Source.PROPERTY).toString().contains("s3cret"));
    }
}
