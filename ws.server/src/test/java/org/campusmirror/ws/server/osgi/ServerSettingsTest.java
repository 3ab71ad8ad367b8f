package org.campusmirror.ws.server.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.campusmirror.ws.server.ServerLimits;
import org.campusmirror.ws.server.SlowConsumerPolicy;
import org.junit.jupiter.api.Test;

/** The typed configuration over the contract properties; its defaults are the plain-Java defaults. */
class ServerSettingsTest {
    private static final Map<String, String> NO_PROPERTIES = Map.of();

    private static ServerConfiguration config(Map<String, ?> values) {
        return Configurations.of(ServerConfiguration.class, values);
    }

    @Test
    void theConfigurationsDefaultsAreServerLimitsDefaults() {
        ServerSettings settings = ServerSettings.from(config(Map.of()), NO_PROPERTIES::get);
        assertEquals(ServerLimits.DEFAULTS, settings.limits(), "one definition of each default");
        assertEquals(8081, settings.port());
        assertNull(settings.bindAddress());
        assertFalse(settings.deflate());
        assertFalse(settings.echo());
        assertNull(settings.tls());
        assertTrue(settings.ioThreads() >= 1);
    }

    @Test
    void contractPropertiesApplyWhenNotConfigured() {
        Map<String, String> properties = Map.of("mirror.ws.port", "9001", "mirror.ws.deflate", "true",
                "mirror.ws.echo", "true", "mirror.ws.host", "127.0.0.1");
        ServerSettings settings = ServerSettings.from(config(Map.of()), properties::get);
        assertEquals(9001, settings.port());
        assertEquals("-Dmirror.ws.port=N", settings.portSource());
        assertEquals(InetAddress.getLoopbackAddress(), settings.bindAddress());
        assertTrue(settings.deflate());
        assertTrue(settings.echo());
    }

    @Test
    void configurationWinsOverProperties() {
        Map<String, String> properties = Map.of("mirror.ws.port", "9001", "mirror.ws.echo", "true",
                "mirror.ws.host", "192.0.2.1");
        ServerSettings settings = ServerSettings.from(config(Map.of("port", "9100", "echo", "false",
                "bind.address", "127.0.0.1")), properties::get);
        assertEquals(9100, settings.port());
        assertEquals("port=N in the configuration org.campusmirror.ws.server", settings.portSource());
        assertEquals(InetAddress.getLoopbackAddress(), settings.bindAddress());
        assertFalse(settings.echo());
    }

    @Test
    void emptyConsoleValuesMeanAsThePropertySays() {
        Map<String, String> properties = Map.of("mirror.ws.port", "9001", "mirror.ws.deflate", "true");
        ServerSettings settings = ServerSettings.from(config(Map.of("port", "", "deflate", "", "bind.address", " ")),
                properties::get);
        assertEquals(9001, settings.port());
        assertTrue(settings.deflate());
        assertNull(settings.bindAddress());
    }

    @Test
    void limitsFromTheConfiguration() {
        ServerSettings settings = ServerSettings.from(config(Map.ofEntries(Map.entry("max.connections", 50),
                Map.entry("max.message.bytes", 4096L), Map.entry("handshake.timeout.ms", 2500L),
                Map.entry("high.water.bytes", 65536L), Map.entry("low.water.bytes", 1024L),
                Map.entry("slow.consumer.policy", "DROP_BROADCASTS"), Map.entry("idle.timeout.seconds", 60L),
                Map.entry("memory.budget.bytes", "8000000"), Map.entry("close.linger.ms", 700),
                Map.entry("trusted.proxies", new String[] {"10.0.0.0/8", ""}), Map.entry("io.threads", 3))),
                NO_PROPERTIES::get);
        ServerLimits limits = settings.limits();
        assertEquals(50, limits.maxConnections());
        assertEquals(4096, limits.protocol().maxMessageSize());
        assertEquals(Duration.ofMillis(2500), limits.protocol().handshakeTimeout());
        assertEquals(65536, limits.highWaterBytes());
        assertEquals(SlowConsumerPolicy.DROP_BROADCASTS, limits.slowConsumer());
        assertEquals(Duration.ofSeconds(60), limits.idleTimeout());
        assertEquals(8_000_000, limits.effectiveMemoryBudget());
        assertEquals(Duration.ofMillis(700), limits.closeLinger());
        assertEquals(List.of("10.0.0.0/8"), settings.trustedProxies());
        assertEquals(3, settings.ioThreads());
    }

    @Test
    void theDefaultMemoryBudgetIsAQuarterOfTheHeap() {
        ServerLimits limits = ServerSettings.from(config(Map.of()), NO_PROPERTIES::get).limits();
        assertEquals(Runtime.getRuntime().maxMemory() / 4, limits.effectiveMemoryBudget());
    }

    @Test
    void badValuesNameTheirKey() {
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.from(config(Map.of()), Map.of("mirror.ws.port", "eighty")::get));
        assertTrue(port.getMessage().startsWith("mirror.ws.port"), port.getMessage());
        IllegalArgumentException configuredPort = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.from(config(Map.of("port", "70000")), NO_PROPERTIES::get));
        assertTrue(configuredPort.getMessage().startsWith("port"), configuredPort.getMessage());
        IllegalArgumentException policy = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.from(config(Map.of("slow.consumer.policy", "IGNORE")), NO_PROPERTIES::get));
        assertTrue(policy.getMessage().startsWith("slow.consumer.policy"), policy.getMessage());
        IllegalArgumentException host = assertThrows(IllegalArgumentException.class,
                () -> ServerSettings.from(config(Map.of()), Map.of("mirror.ws.host", "no such host.invalid")::get));
        assertTrue(host.getMessage().startsWith("mirror.ws.host"), host.getMessage());
    }
}
