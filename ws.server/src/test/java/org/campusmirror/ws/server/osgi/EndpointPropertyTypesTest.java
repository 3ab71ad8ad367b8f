package org.campusmirror.ws.server.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.campusmirror.ws.server.WebSocketEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The endpoint's typed service properties: the names the annotations give (by Declarative Services' rule for
 * single-element and marker property types: prefix, then the simple type name with a dot before each capital
 * that follows a small letter or digit, in lower case) are the names the whiteboard reads, and the test
 * endpoints carry them as bnd wrote them into their component descriptions.
 */
class EndpointPropertyTypesTest {

    @Test
    void eachAnnotationNamesItsConstant() throws Exception {
        Map<String, String> derived = new TreeMap<>();
        for (Class<?> nested : WebSocketEndpoint.class.getDeclaredClasses()) {
            if (nested.isAnnotation()) {
                String prefix = (String) nested.getField("PREFIX_").get(null);
                derived.put(nested.getSimpleName(), prefix + dotted(nested.getSimpleName()));
            }
        }
        Map<String, String> constants = new TreeMap<>(Map.of("Path", WebSocketEndpoint.PATH_PROPERTY,
                "Subprotocols", WebSocketEndpoint.SUBPROTOCOLS_PROPERTY, "Origins", WebSocketEndpoint.ORIGINS_PROPERTY,
                "HeartbeatSeconds", WebSocketEndpoint.HEARTBEAT_PROPERTY, "Deflate", WebSocketEndpoint.DEFLATE_PROPERTY,
                "Broadcast", WebSocketEndpoint.BROADCAST_PROPERTY));
        assertEquals(constants, derived);
    }

    @Test
    void theTestEndpointsCarryTheTypedProperties() throws IOException {
        assertEquals(Map.of("websocket.path", "String /broadcast", "websocket.broadcast", "Boolean true"),
                properties(BroadcastEndpointComponent.NAME));
        assertEquals(Map.of("websocket.path", "String /echo"), properties(EchoEndpointComponent.NAME));
    }

    /** DS 1.4, 112.8.2.1: {@code HeartbeatSeconds} becomes {@code heartbeat.seconds}. */
    private static String dotted(String simpleName) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < simpleName.length(); i++) {
            char c = simpleName.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && (Character.isLowerCase(simpleName.charAt(i - 1))
                    || Character.isDigit(simpleName.charAt(i - 1)))) {
                name.append('.');
            }
            name.append(Character.toLowerCase(c));
        }
        return name.toString();
    }

    /** The properties of a component as bnd described them (OSGI-INF/NAME.xml): name to "type value". */
    private static Map<String, String> properties(String component) throws IOException {
        try (InputStream in = EndpointPropertyTypesTest.class.getResourceAsStream("/OSGI-INF/" + component + ".xml")) {
            assertNotNull(in, "no component description for " + component);
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> properties = new LinkedHashMap<>();
            Matcher property = Pattern.compile("<property name=\"([^\"]+)\" type=\"([^\"]+)\" value=\"([^\"]*)\"/>")
                    .matcher(xml);
            while (property.find()) {
                properties.put(property.group(1), property.group(2) + " " + property.group(3));
            }
            return properties;
        }
    }
}
