package org.campusmirror.launcher;

import static org.campusmirror.launcher.MirrorSettingsTest.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorMainTest {
    @TempDir
    Path home;

    @Test
    void prepareLaysOutTheHomeAndSetsTheLaunchProperties() throws Exception {
        Properties system = properties("mirror.home", home.toString(), "mirror.http.port", "0",
                "mirror.ws.port", "0", "mirror.admin.password", "pw");
        MirrorMain.prepare(system, Map.of(), false);
        for (String folder : new String[] {"framework", "configs", "cache", "logs", "deploy"}) {
            assertTrue(Files.isDirectory(home.resolve(folder)), folder);
        }
        assertEquals(home.resolve("framework").toString(), system.getProperty("org.osgi.framework.storage"));
        assertTrue(system.getProperty("logback.configurationFile").endsWith("org/campusmirror/launcher/logback.xml"),
                system.getProperty("logback.configurationFile"));
    }

    @Test
    void prepareStopsAtATakenPortBeforeTouchingThePassword() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            Properties system = properties("mirror.home", home.toString(),
                    "mirror.http.port", Integer.toString(taken.getLocalPort()), "mirror.ws.port", "0");
            assertThrows(StartupException.class, () -> MirrorMain.prepare(system, Map.of(), false));
            assertTrue(Files.notExists(home.resolve("admin.password")));
        }
    }
}
