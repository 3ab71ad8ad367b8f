package org.campusmirror.mirror.runtime.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashedCredentialsTest {
    /**
     * The launcher's format around a published PBKDF2-HMAC-SHA256 vector: P = "passwordPASSWORDpassword",
     * S = "saltSALTsaltSALTsaltSALTsaltSALTsalt", c = 4096, first 32 bytes 348c89db...8dd53e1.
     */
    static final String LINE = "admin:pbkdf2-sha256:4096:c2FsdFNBTFRzYWx0U0FMVHNhbHRTQUxUc2FsdFNBTFRzYWx0:"
            + "NIyJ28vTKy8y2BS4EW6EzysXNH68GAAYHE4qH7jdU+E=";
    static final String PASSWORD = "passwordPASSWORDpassword";

    @Test
    void rightUserAndPasswordMatch() throws IOException {
        HashedCredentials credentials = HashedCredentials.parse(LINE);
        assertEquals("admin", credentials.user());
        assertTrue(credentials.matches("admin", PASSWORD));
    }

    @Test
    void anythingElseDoesNot() throws IOException {
        HashedCredentials credentials = HashedCredentials.parse(LINE);
        assertFalse(credentials.matches("admin", "admin"));
        assertFalse(credentials.matches("admin", ""));
        assertFalse(credentials.matches("admin", PASSWORD + " "));
        assertFalse(credentials.matches("root", PASSWORD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "admin", "admin:sha-256:4096:c2FsdA==:aGFzaA==", "admin:pbkdf2-sha256:x:c2FsdA==:aGFzaA==",
            "admin:pbkdf2-sha256:4096:!!!:aGFzaA==", "admin:pbkdf2-sha256:1:c2FsdFNBTFRzYWx0:NIyJ28vTKy8y2BS4EW6EzysXNH68GAAY",
            ":pbkdf2-sha256:4096:c2FsdFNBTFRzYWx0:NIyJ28vTKy8y2BS4EW6EzysXNH68GAAY",
            "{sha-256}jGl25bVBBBW96Qi9Te4V37Fnqchz/Eu4qB9vKrRIqRg="})
    void malformedLinesAreRefusedWithoutRepeatingThem(String line) {
        IOException refused = assertThrows(IOException.class, () -> HashedCredentials.parse(line));
        assertFalse(!line.isEmpty() && refused.getMessage().contains(line), refused.getMessage());
    }
}
