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
    private final MirrorSettings settings = new MirrorSettings(Path.of("/srv/mirror"), null, 9090, 9443, null, 9091);
    private final ConsoleKeystore keystore = new ConsoleKeystore(Path.of("/srv/mirror/tls/console.p12"), "PKCS12",
            Path.of("/srv/mirror/tls/console.p12.password"));

    @Test
    void storageIsKeptInTheHomeFolder() {
        Map<String, String> launch = LaunchProperties.of(settings, keystore, false, new Properties(), null);
        assertEquals("true", launch.get("launch.keep"));
        assertEquals("/srv/mirror/framework", launch.get("launch.storage.dir"));
        assertEquals("/srv/mirror/framework", launch.get("org.osgi.framework.storage"));
        assertFalse(launch.containsKey("org.osgi.framework.storage.clean"));
    }

    @Test
    void contractKeysReachTheBundlesWithTheirEffectiveValues() {
        Map<String, String> launch = LaunchProperties.of(settings, keystore, false, new Properties(), null);
        assertEquals("/srv/mirror", launch.get("mirror.home"));
        assertEquals("9090", launch.get("mirror.http.port"));
        assertEquals("9443", launch.get("mirror.https.port"));
        assertEquals("9091", launch.get("mirror.ws.port"));
        assertEquals("9090", launch.get("org.osgi.service.http.port"));
        assertEquals("/srv/mirror/deploy", launch.get("felix.fileinstall.dir"));
        assertEquals("/srv/mirror/configs", launch.get("felix.cm.dir"));
        assertEquals("/srv/mirror/tls/console.p12", launch.get("mirror.https.keystore"));
        assertEquals("PKCS12", launch.get("mirror.https.keystore.type"));
        assertEquals("/srv/mirror/tls/console.p12.password", launch.get("mirror.https.keystore.password.file"));
        assertFalse(launch.containsKey("mirror.http.host"), "all interfaces: no host at all");
        assertFalse(launch.containsKey("org.apache.felix.http.host"));
    }

    @Test
    void consoleCredentialsAreTheRuntimeProvidersAlone() {
        Map<String, String> launch = LaunchProperties.of(settings, keystore, false, new Properties(), null);
        assertEquals("campusmirror", launch.get("felix.webconsole.security.providers"));
        assertFalse(launch.containsKey("felix.webconsole.password"));
        assertFalse(launch.containsKey("felix.webconsole.username"));
    }

    @Test
    void httpHostBindsFelixHttpAndIsPassedOnWithTheWebSocketHost() {
        MirrorSettings bound = new MirrorSettings(Path.of("/srv/mirror"), "127.0.0.1", 9090, 9443, "::1", 9091);
        Map<String, String> launch = LaunchProperties.of(bound, keystore, false, new Properties(), null);
        assertEquals("127.0.0.1", launch.get("org.apache.felix.http.host"));
        assertEquals("127.0.0.1", launch.get("mirror.http.host"));
        assertEquals("::1", launch.get("mirror.ws.host"));
    }

    @Test
    void gogoIsInteractiveOnlyWithATerminalUnlessTheUserChose() {
        assertEquals("--nointeractive",
                LaunchProperties.of(settings, keystore, false, new Properties(), null).get("gosh.args"));
        assertEquals("", LaunchProperties.of(settings, keystore, true, new Properties(), null).get("gosh.args"));
        assertFalse(LaunchProperties.of(settings, keystore, false, properties("gosh.args", "--noshutdown"), null)
                .containsKey("gosh.args"));
    }

    @Test
    void builtInLoggingUnlessAnotherConfigurationIsGiven() throws Exception {
        URL builtIn = new URL("file:/opt/logback.xml");
        assertEquals("file:/opt/logback.xml",
                LaunchProperties.of(settings, keystore, false, new Properties(), builtIn).get("logback.configurationFile"));
        assertFalse(LaunchProperties.of(settings, keystore, false,
                properties("logback.configurationFile", "/etc/mirror/logback.xml"), builtIn)
                .containsKey("logback.configurationFile"));
    }
}
