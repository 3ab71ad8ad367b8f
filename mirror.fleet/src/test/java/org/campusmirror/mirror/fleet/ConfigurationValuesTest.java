package org.campusmirror.mirror.fleet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Hashtable;

import org.junit.jupiter.api.Test;

class ConfigurationValuesTest {

    @Test
    void namesMapAsInDeclarativeServices() {
        assertEquals("broker.url", ConfigurationValues.key("broker_url"));
        assertEquals(".password", ConfigurationValues.key("_password"));
        assertEquals("a_b", ConfigurationValues.key("a__b"));
        assertEquals("ab", ConfigurationValues.key("a$b"));
    }

    @Test
    void valuesAreConvertedAndMissingOnesAreTheAnnotationsDefaults() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("broker.url", "mqtts://broker:8883");
        properties.put(".password", "secret");
        properties.put("groups", "library");
        properties.put("keepalive.seconds", "12");
        properties.put("accept.unsigned.announcements", Boolean.FALSE);
        properties.put("status.seconds", 30L);
        FleetConfiguration config = ConfigurationValues.of(FleetConfiguration.class, properties);
        assertEquals("mqtts://broker:8883", config.broker_url());
        assertEquals("secret", config._password());
        assertArrayEquals(new String[] {"library"}, config.groups());
        assertEquals(12, config.keepalive_seconds());
        assertEquals(30, config.status_seconds());
        assertFalse(config.accept_unsigned_announcements());
        assertEquals("campusmirror", config.topic_prefix());
        assertEquals(60, config.reconnect_max_seconds());
        assertFalse(config.toString().contains("secret"), "toString never shows values");
    }

    @Test
    void aNumberThatIsNotOneNamesItsKey() {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("keepalive.seconds", "soon");
        FleetConfiguration config = ConfigurationValues.of(FleetConfiguration.class, properties);
        assertEquals("keepalive.seconds: 'soon' is not a number",
                assertThrows(IllegalArgumentException.class, config::keepalive_seconds).getMessage());
    }
}
