package org.campusmirror.launcher;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The contract settings of DESIGN.md that must be known before the framework starts: the home folder and the two
 * ports. Each comes from a system property ({@code -Dkey=value}) or its default.
 *
 * @param home     absolute home folder: framework storage, configs, cache, logs, deploy/
 * @param httpPort port of the display page and the Web Console (0 picks a free one)
 * @param wsPort   port of the WebSocket server (0 picks a free one)
 */
public record MirrorSettings(Path home, int httpPort, int wsPort) {
    public static final String HOME = "mirror.home";
    public static final String HTTP_PORT = "mirror.http.port";
    public static final String WS_PORT = "mirror.ws.port";

    public static final String DEFAULT_HOME = "mirror-home";
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_WS_PORT = 8081;

    /** Reads the settings from system properties; a malformed value is refused with the key it came from. */
    public static MirrorSettings from(Properties system) throws StartupException {
        String home = system.getProperty(HOME, DEFAULT_HOME).trim();
        if (home.isEmpty()) {
            throw new StartupException("-D" + HOME + " is empty; set it to a folder, e.g. -D" + HOME + "=/var/lib/mirror");
        }
        int http = port(system, HTTP_PORT, DEFAULT_HTTP_PORT);
        int ws = port(system, WS_PORT, DEFAULT_WS_PORT);
        if (http != 0 && http == ws) {
            throw new StartupException("-D" + HTTP_PORT + " and -D" + WS_PORT + " are both " + http
                    + "; give them different ports");
        }
        return new MirrorSettings(Path.of(home).toAbsolutePath().normalize(), http, ws);
    }

    private static int port(Properties system, String key, int defaultPort) throws StartupException {
        String value = system.getProperty(key);
        if (value == null) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the key that carried it
        }
        throw new StartupException("-D" + key + "=" + value + " is not a port number (0-65535)");
    }

    public Path frameworkStorage() {
        return home.resolve("framework");
    }

    public Path configs() {
        return home.resolve("configs");
    }

    public Path cache() {
        return home.resolve("cache");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path deploy() {
        return home.resolve("deploy");
    }

    public Path passwordFile() {
        return home.resolve("admin.password");
    }
}
