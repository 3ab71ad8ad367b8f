package org.campusmirror.launcher;

import static org.campusmirror.launcher.MirrorSettingsTest.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class LaunchPropertiesTest {
    private final MirrorSettings settings = new MirrorSettings(Path.of("/srv/mirror"), 9090, 9091);
    private final AdminPassword password = new AdminPassword("pw", AdminPassword.Source.FILE);

    @Test
    void storageIsKeptInTheHomeFolder() {
        Map<String, String> launch = LaunchProperties.of(settings, password, false, new Properties(), null);
        assertEquals("true", launch.get("launch.keep"));
        assertEquals("/srv/mirror/framework", launch.get("launch.storage.dir"));
        assertEquals("/srv/mirror/framework", launch.get("org.osgi.framework.storage"));
        assertFalse(launch.containsKey("org.osgi.framework.storage.clean"));
    }

    @Test
    void contractKeysReachTheBundlesWithTheirEffectiveValues() {
        Map<String, String> launch = LaunchProperties.of(settings, password, false, new Properties(), null);
        assertEquals("/srv/mirror", launch.get("mirror.home"));
        assertEquals("9090", launch.get("mirror.http.port"));
        assertEquals("9091", launch.get("mirror.ws.port"));
        assertEquals("9090", launch.get("org.osgi.service.http.port"));
        assertEquals("/srv/mirror/deploy", launch.get("felix.fileinstall.dir"));
        assertEquals("/srv/mirror/configs", launch.get("felix.cm.dir"));
        assertEquals("admin", launch.get("felix.webconsole.username"));
        assertEquals(password.consoleHash(), launch.get("felix.webconsole.password"));
    }

    @Test
    void gogoIsInteractiveOnlyWithATerminalUnlessTheUserChose() {
        assertEquals("--nointeractive",
                LaunchProperties.of(settings, password, false, new Properties(), null).get("gosh.args"));
        assertEquals("", LaunchProperties.of(settings, password, true, new Properties(), null).get("gosh.args"));
        assertFalse(LaunchProperties.of(settings, password, false, properties("gosh.args", "--noshutdown"), null)
                .containsKey("gosh.args"));
    }

    @Test
    void builtInLoggingUnlessAnotherConfigurationIsGiven() throws Exception {
        URL builtIn = new URL("file:/opt/logback.xml");
        assertEquals("file:/opt/logback.xml",
                LaunchProperties.of(settings, password, false, new Properties(), builtIn).get("logback.configurationFile"));
        assertFalse(LaunchProperties.of(settings, password, false,
                properties("logback.configurationFile", "/etc/mirror/logback.xml"), builtIn)
                .containsKey("logback.configurationFile"));
    }
}
