package org.campusmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class MirrorSettingsTest {
    @Test
    void defaultsAreTheContractDefaults() throws StartupException {
        MirrorSettings settings = MirrorSettings.from(new Properties());
        assertEquals(Path.of("mirror-home").toAbsolutePath(), settings.home());
        assertEquals(8080, settings.httpPort());
        assertEquals(8081, settings.wsPort());
        assertEquals(settings.home().resolve("deploy"), settings.deploy());
        assertEquals(settings.home().resolve("admin.password"), settings.passwordFile());
    }

    @Test
    void propertiesOverrideDefaults() throws StartupException {
        Properties system = properties("mirror.home", "/srv/mirror/../mirror", "mirror.http.port", " 9090 ",
                "mirror.ws.port", "0");
        MirrorSettings settings = MirrorSettings.from(system);
        assertEquals(Path.of("/srv/mirror"), settings.home());
        assertEquals(9090, settings.httpPort());
        assertEquals(0, settings.wsPort());
    }

    @Test
    void malformedPortNamesTheProperty() {
        StartupException notANumber = assertThrows(StartupException.class,
                () -> MirrorSettings.from(properties("mirror.ws.port", "80x")));
        assertEquals("-Dmirror.ws.port=80x is not a port number (0-65535)", notANumber.getMessage());
        assertThrows(StartupException.class, () -> MirrorSettings.from(properties("mirror.http.port", "65536")));
        assertThrows(StartupException.class, () -> MirrorSettings.from(properties("mirror.http.port", "-1")));
    }

    @Test
    void samePortForBothServersIsRefused() {
        StartupException clash = assertThrows(StartupException.class,
                () -> MirrorSettings.from(properties("mirror.http.port", "9000", "mirror.ws.port", "9000")));
        assertTrue(clash.getMessage().contains("both 9000"), clash.getMessage());
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
