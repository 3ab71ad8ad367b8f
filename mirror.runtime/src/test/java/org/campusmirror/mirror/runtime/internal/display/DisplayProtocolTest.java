package org.campusmirror.mirror.runtime.internal.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The message names are spelled once per side; this test keeps the two sides the same. */
class DisplayProtocolTest {

    @Test
    void everyNameOfTheJavaSideIsTheSameOnThePage() throws Exception {
        String script;
        try (InputStream in = DisplayProtocolTest.class.getResourceAsStream("/display/protocol.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> page = new HashMap<>();
        Matcher entry = Pattern.compile("\\b([A-Z_]+): '([^']*)'").matcher(script);
        while (entry.find()) {
            String earlier = page.put(entry.group(1), entry.group(2));
            assertTrue(earlier == null || earlier.equals(entry.group(2)), entry.group(1) + " twice, differently");
        }
        int compared = 0;
        for (Field field : DisplayProtocol.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("PATH") && !field.getName().equals("SNAPSHOT_URL")) {
                assertEquals(field.get(null), page.get(field.getName()), "protocol.js spells " + field.getName());
                compared++;
            }
        }
        assertTrue(compared > 30, compared + " names compared");
        assertTrue(script.contains("export const VERSION = " + DisplayProtocol.VERSION + ";"));
        assertTrue(script.contains("export const PATH = '" + DisplayProtocol.PATH + "';"));
        assertTrue(script.contains("export const SNAPSHOT_URL = '" + DisplayProtocol.SNAPSHOT_URL + "';"));
        assertTrue(script.contains("export const LISTEN_ONLY_CLOSE = " + DisplayProtocol.LISTEN_ONLY_CLOSE + ";"));
    }

    @Test
    void thePolicyOfThePageNamesItsHostOrFallsBackToAnyHostOnTheSocketPort() {
        assertTrue(DisplayPage.contentSecurityPolicy("mirror.fh-example.de", 8081)
                .contains("connect-src 'self' ws://mirror.fh-example.de:8081 wss://mirror.fh-example.de:8081;"));
        assertTrue(DisplayPage.contentSecurityPolicy("[::1]", 9).contains("ws://[::1]:9 "));
        String injected = DisplayPage.contentSecurityPolicy("evil; script-src *", 8081);
        assertTrue(injected.contains("ws://*:8081") && !injected.contains("evil"), injected);
        String policy = DisplayPage.contentSecurityPolicy("m", 1);
        assertTrue(policy.contains("script-src 'self';") && policy.contains("frame-ancestors 'self'")
                && policy.startsWith("default-src 'none'"), policy);
    }
}
