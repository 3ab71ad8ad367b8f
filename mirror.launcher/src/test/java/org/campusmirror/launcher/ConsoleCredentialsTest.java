package org.campusmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleCredentialsTest {
    @TempDir
    Path home;

    @Test
    void hashIsPbkdf2WithHmacSha256() {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256("passwd", "salt", 1), whose first 32 bytes are our 256-bit hash.
        byte[] expected = HexFormat.of().parseHex(
                "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        assertArrayEquals(expected, ConsoleCredentials.hash("passwd", "salt".getBytes(StandardCharsets.US_ASCII), 1));
    }

    @Test
    void lineNamesUserSchemeIterationsSaltAndHash() {
        byte[] salt = "salt".getBytes(StandardCharsets.US_ASCII);
        String line = ConsoleCredentials.line("admin", "passwd", salt, 1);
        String[] fields = line.split(":");
        assertEquals(5, fields.length, line);
        assertEquals("admin", fields[0]);
        assertEquals("pbkdf2-sha256", fields[1]);
        assertEquals("1", fields[2]);
        assertArrayEquals(salt, Base64.getDecoder().decode(fields[3]));
        assertArrayEquals(ConsoleCredentials.hash("passwd", salt, 1), Base64.getDecoder().decode(fields[4]));
    }

    @Test
    void fileHasMode600NoClearTextAndANewSaltAtEveryWrite() throws Exception {
        Path file = home.resolve("console.credentials");
        AdminPassword password = new AdminPassword("Very-Secret-1", AdminPassword.Source.PROPERTY);
        ConsoleCredentials.write(file, password, new SecureRandom());
        String first = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(first.contains("Very-Secret-1"), first);
        assertEquals(Integer.toString(ConsoleCredentials.ITERATIONS), first.split(":")[2]);

        ConsoleCredentials.write(file, password, new SecureRandom());
        String second = Files.readString(file, StandardCharsets.UTF_8);
        assertNotEquals(first.split(":")[3], second.split(":")[3], "a new salt");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var leftovers = Files.list(home)) {
            assertEquals(1, leftovers.count(), "no staging file left behind");
        }
    }
}
