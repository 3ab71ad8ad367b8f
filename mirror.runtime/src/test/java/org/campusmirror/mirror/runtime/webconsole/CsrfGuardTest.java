package org.campusmirror.mirror.runtime.webconsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CsrfGuardTest {
    private static final String HOST = "mirror.campus:8080";
    private final CsrfGuard guard = new CsrfGuard();
    private final String token = guard.token("admin");

    @Test
    void aFormOfTheConsoleWithItsTokenPasses() {
        assertEquals(Optional.empty(), guard.refusal("admin", token, "http://mirror.campus:8080", null, "http", HOST));
        assertEquals(Optional.empty(), guard.refusal("admin", token, null,
                "http://mirror.campus:8080/system/console/mirror", "http", HOST));
        assertEquals(Optional.empty(), guard.refusal("admin", token, null, null, "http", HOST), "a script, no browser");
        assertEquals(Optional.empty(), guard.refusal("admin", token, "HTTP://Mirror.Campus:8080", null, "http", HOST));
    }

    @Test
    void aMissingOrForeignTokenIsRefused() {
        assertTrue(guard.refusal("admin", null, "http://mirror.campus:8080", null, "http", HOST).isPresent());
        assertTrue(guard.refusal("admin", token + "x", null, null, "http", HOST).isPresent());
        assertTrue(guard.refusal("admin", new CsrfGuard().token("admin"), null, null, "http", HOST).isPresent(),
                "a token of an earlier start");
        assertTrue(guard.refusal("guest", token, null, null, "http", HOST).isPresent(), "another user's token");
        assertNotEquals(guard.token("admin"), guard.token("guest"));
    }

    @Test
    void anotherOriginIsRefusedEvenWithTheToken() {
        assertTrue(guard.refusal("admin", token, "http://evil.example", null, "http", HOST).isPresent());
        assertTrue(guard.refusal("admin", token, "null", null, "http", HOST).isPresent(), "a sandboxed frame");
        assertTrue(guard.refusal("admin", token, "https://mirror.campus:8080", null, "http", HOST).isPresent());
        assertTrue(guard.refusal("admin", token, null, "http://evil.example/page", "http", HOST).isPresent());
        assertTrue(guard.refusal("admin", token, null, "not a url", "http", HOST).isPresent());
    }
}
