package org.campusmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MirrorSettingsTest {
    @Test
    void defaultsAreTheContractDefaults() throws StartupException {
        MirrorSettings settings = MirrorSettings.from(new Properties());
        assertEquals(Path.of("mirror-home").toAbsolutePath(), settings.home());
        assertEquals(8080, settings.httpPort());
        assertEquals(8443, settings.httpsPort());
        assertEquals(8081, settings.wsPort());
        assertNull(settings.httpHost(), "all interfaces");
        assertNull(settings.wsHost(), "all interfaces");
        assertEquals(settings.home().resolve("deploy"), settings.deploy());
        assertEquals(settings.home().resolve("admin.password"), settings.passwordFile());
    }

    @Test
    void propertiesOverrideDefaults() throws StartupException {
        Properties system = properties("mirror.home", "/srv/mirror/../mirror", "mirror.http.port", " 9090 ",
                "mirror.https.port", "9443", "mirror.ws.port", "0", "mirror.http.host", " 127.0.0.1 ",
                "mirror.ws.host", "::1");
        MirrorSettings settings = MirrorSettings.from(system);
        assertEquals(Path.of("/srv/mirror"), settings.home());
        assertEquals(9090, settings.httpPort());
        assertEquals(9443, settings.httpsPort());
        assertEquals(0, settings.wsPort());
        assertEquals("127.0.0.1", settings.httpHost());
        assertEquals("::1", settings.wsHost());
    }

    @Test
    void malformedPortNamesTheProperty() {
        StartupException notANumber = assertThrows(StartupException.class,
                () -> MirrorSettings.from(properties("mirror.ws.port", "80x")));
        assertEquals("-Dmirror.ws.port=80x is not a port number (0-65535)", notANumber.getMessage());
        assertThrows(StartupException.class, () -> MirrorSettings.from(properties("mirror.http.port", "65536")));
        assertThrows(StartupException.class, () -> MirrorSettings.from(properties("mirror.http.port", "-1")));
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({"mirror.http.port, mirror.ws.port", "mirror.http.port, mirror.https.port",
            "mirror.https.port, mirror.ws.port"})
    void samePortForTwoServersIsRefused(String one, String other) {
        StartupException clash = assertThrows(StartupException.class,
                () -> MirrorSettings.from(properties(one, "9000", other, "9000")));
        assertTrue(clash.getMessage().contains("both 9000"), clash.getMessage());
        assertTrue(clash.getMessage().contains(one) && clash.getMessage().contains(other), clash.getMessage());
    }

    @Test
    void portZeroMayRepeat() throws StartupException {
        assertEquals(0, MirrorSettings.from(properties("mirror.http.port", "0", "mirror.https.port", "0",
                "mirror.ws.port", "0")).httpsPort());
    }

    @Test
    void emptyHostMeansAllInterfaces() throws StartupException {
        assertNull(MirrorSettings.from(properties("mirror.http.host", " ")).httpHost());
    }

    @Test
    void unknownHostNamesTheProperty() {
        StartupException unknown = assertThrows(StartupException.class,
                () -> MirrorSettings.from(properties("mirror.http.host", "no-such-host.invalid")));
        assertTrue(unknown.getMessage().startsWith("-Dmirror.http.host=no-such-host.invalid is not an address"),
                unknown.getMessage());
    }

    @Test
    void emptyHomeIsRefused() {
        assertThrows(StartupException.class, () -> MirrorSettings.from(properties("mirror.home", " ")));
    }

    static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
