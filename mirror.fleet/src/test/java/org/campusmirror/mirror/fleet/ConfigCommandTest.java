package org.campusmirror.mirror.fleet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;

import org.campusmirror.mirror.fleet.trust.Refusal;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class ConfigCommandTest {
    private final ObjectMapper json = new ObjectMapper();
    /** What each PID ("factory~name" for a factory instance) was updated with. */
    private final Map<String, Dictionary<String, ?>> updated = new HashMap<>();

    /** Config Admin as far as the command uses it: getConfiguration, getFactoryConfiguration, update. */
    private final ConfigurationAdmin admin = (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                case "getConfiguration" -> configuration((String) args[0]);
                case "getFactoryConfiguration" -> configuration(args[0] + "~" + args[1]);
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private Configuration configuration(String pid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("update") && args != null && args.length == 1) {
                        updated.put(pid, (Dictionary<String, ?>) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private ObjectNode body(String properties) throws Exception {
        return (ObjectNode) json.readTree("{\"seq\":1,\"properties\":" + properties + "}");
    }

    @Test
    void propertiesKeepTheirJsonTypesAsConfigAdminTypes() throws Exception {
        ConfigCommand.apply(admin, "org.example.clock~hall", body(
                "{\"title\":\"Hall\",\"seconds\":30,\"ratio\":1.5,\"on\":true,\"pages\":[\"main\",\"night\"]}"));
        Dictionary<String, ?> values = updated.get("org.example.clock~hall");
        assertEquals("Hall", values.get("title"));
        assertEquals(30L, values.get("seconds"));
        assertEquals(1.5, values.get("ratio"));
        assertEquals(Boolean.TRUE, values.get("on"));
        assertArrayEquals(new String[] {"main", "night"}, (String[]) values.get("pages"));
        ConfigCommand.apply(admin, "org.example.layout", body("{\"locale\":\"de-DE\"}"));
        assertEquals("de-DE", updated.get("org.example.layout").get("locale"));
    }

    @Test
    void theFleetsOwnAndTheConsolesConfigurationCannotBeSetFromTheFleet() {
        for (String pid : new String[] {"org.campusmirror.mirror.fleet",
                "org.apache.felix.webconsole.internal.servlet.OsgiManager"}) {
            assertEquals("invalid", assertThrows(Refusal.class,
                    () -> ConfigCommand.apply(admin, pid, body("{\"broker.url\":\"\"}"))).code());
            assertNull(updated.get(pid));
        }
    }

    @Test
    void valuesConfigAdminCannotHoldAreRefusedAndNothingIsWritten() {
        for (String properties : new String[] {"{\"nested\":{\"a\":1}}", "{\"list\":[{\"a\":1}]}", "{\"n\":null}", "[]"}) {
            assertEquals("invalid", assertThrows(Refusal.class,
                    () -> ConfigCommand.apply(admin, "org.example.x", body(properties)), properties).code());
        }
        assertEquals(Map.of(), updated);
    }
}
