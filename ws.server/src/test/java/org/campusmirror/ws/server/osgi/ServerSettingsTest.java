package org.campusmirror.ws.server.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.campusmirror.ws.server.ServerLimits;
import org.campusmirror.ws.server.SlowConsumerPolicy;
import org.junit.jupiter.api.Test;

/** Configuration over contract properties over defaults. */
class ServerSettingsTest {
    private static final Map<String, String> NO_PROPERTIES = Map.of();

    @Test
    void defaultsWithoutConfigurationOrProperties() {
        ServerSettings settings = ServerSettings.from(Map.of(), NO_PROPERTIES::get);
        assertEquals(8081, settings.port());
        assertFalse(settings.deflate());
        assertFalse(settings.echo());
        assertNull(settings.tls());
        assertEquals(ServerLimits.DEFAULTS, settings.limits());
        assertTrue(settings.ioThreads() >= 1);
    }

    @Test
    void contractPropertiesApplyWhenNotConfigured() {
        Map<String, String> properties = Map.of("mirror.ws.port", "9001", "mirror.ws.deflate", "true",
                "mirror.ws.echo", "true");
        ServerSettings settings = ServerSettings.from(Map.of(), properties::get);
        assertEquals(9001, settings.port());
        assertTrue(settings.deflate());
        assertTrue(settings.echo());
    }

    @Test
    void configurationWinsOverProperties() {
        Map<String, String> properties = Map.of("mirror.ws.port", "9001", "mirror.ws.echo", "true");
        ServerSettings settings = ServerSettings.from(Map.of("port", "9100", "echo", "false"), properties::get);
        assertEquals(9100, settings.port());
        assertFalse(settings.echo());
    }

    @Test
    void emptyConsoleValuesMeanAsThePropertySays() {
        Map<String, String> properties = Map.of("mirror.ws.port", "9001", "mirror.ws.deflate", "true");
        ServerSettings settings = ServerSettings.from(Map.of("port", "", "deflate", ""), properties::get);
        assertEquals(9001, settings.port());
        assertTrue(settings.deflate());
    }

    @Test
    void limitsFromTheConfiguration() {
        ServerSettings settings = ServerSettings.from(Map.of("max.connections", 50, "max.message.bytes", 4096L,
                "handshake.timeout.ms", 2500L, "high.water.bytes", 65536L, "low.water.bytes", 1024L,
                "slow.consumer.policy", "DROP_BROADCASTS", "idle.timeout.seconds", 60L,
                "trusted.proxies", new String[] {"10.0.0.0/8", ""}, "io.threads", 3), NO_PROPERTIES::get);
        ServerLimits limits = settings.limits();
        assertEquals(50, limits.maxConnections());
        assertEquals(4096, limits.protocol().maxMessageSize());
        assertEquals(Duration.ofMillis(2500), limits.protocol().handshakeTimeout());
        assertEquals(65536, limits.highWaterBytes());
        assertEquals(SlowConsumerPolicy.DROP_BROADCASTS, limits.slowConsumer());
        assertEquals(Duration.ofSeconds(60), limits.idleTimeout());
        assertEquals(List.of("10.0.0.0/8"), settings.trustedProxies());
        assertEquals(3, settings.ioThreads());
    }

    @Test
    void badValuesNameTheirKey() {
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.from(Map.of(), Map.of("mirror.ws.port", "eighty")::get));
        assertTrue(port.getMessage().startsWith("mirror.ws.port"), port.getMessage());
        IllegalArgumentException policy = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.from(Map.of("slow.consumer.policy", "IGNORE"), NO_PROPERTIES::get));
        assertTrue(policy.getMessage().startsWith("slow.consumer.policy"), policy.getMessage());
    }
}
