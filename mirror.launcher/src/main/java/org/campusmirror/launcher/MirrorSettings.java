package org.campusmirror.launcher;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The contract settings of DESIGN.md that must be known before the framework starts: the home folder, the ports and
 * the addresses they are opened on. Each comes from a system property ({@code -Dkey=value}) or its default.
 *
 * @param home      absolute home folder: framework storage, configs, cache, logs, deploy/
 * @param httpHost  address the HTTP and HTTPS ports are opened on; null for all interfaces
 * @param httpPort  port of the display page and the Web Console (0 picks a free one)
 * @param httpsPort port of the Web Console over TLS (0 picks a free one)
 * @param wsHost    address the WebSocket port is opened on; null for all interfaces
 * @param wsPort    port of the WebSocket server (0 picks a free one)
 */
public record MirrorSettings(Path home, String httpHost, int httpPort, int httpsPort, String wsHost, int wsPort) {
    public static final String HOME = "mirror.home";
    public static final String HTTP_HOST = "mirror.http.host";
    public static final String HTTP_PORT = "mirror.http.port";
    public static final String HTTPS_PORT = "mirror.https.port";
    public static final String WS_HOST = "mirror.ws.host";
    public static final String WS_PORT = "mirror.ws.port";

    public static final String DEFAULT_HOME = "mirror-home";
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_HTTPS_PORT = 8443;
    public static final int DEFAULT_WS_PORT = 8081;

    /** Reads the settings from system properties; a malformed value is refused with the key it came from. */
    public static MirrorSettings from(Properties system) throws StartupException {
        String home = system.getProperty(HOME, DEFAULT_HOME).trim();
        if (home.isEmpty()) {
            throw new StartupException("-D" + HOME + " is empty; set it to a folder, e.g. -D" + HOME + "=/var/lib/mirror");
        }
        int http = port(system, HTTP_PORT, DEFAULT_HTTP_PORT);
        int https = port(system, HTTPS_PORT, DEFAULT_HTTPS_PORT);
        int ws = port(system, WS_PORT, DEFAULT_WS_PORT);
        requireDifferent(http, HTTP_PORT, https, HTTPS_PORT);
        requireDifferent(http, HTTP_PORT, ws, WS_PORT);
        requireDifferent(https, HTTPS_PORT, ws, WS_PORT);
        return new MirrorSettings(Path.of(home).toAbsolutePath().normalize(), host(system, HTTP_HOST), http, https,
                host(system, WS_HOST), ws);
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

    private static void requireDifferent(int port, String key, int otherPort, String otherKey)
            throws StartupException {
        if (port != 0 && port == otherPort) {
            throw new StartupException("-D" + key + " and -D" + otherKey + " are both " + port
                    + "; give them different ports");
        }
    }

    /** The address to listen on, null (all interfaces) when unset or empty; a name that does not resolve is refused. */
    private static String host(Properties system, String key) throws StartupException {
        String value = system.getProperty(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            InetAddress.getByName(value.trim());
            return value.trim();
        } catch (UnknownHostException e) {
            throw new StartupException("-D" + key + "=" + value + " is not an address or known host name of this"
                    + " machine; leave it unset to listen on all interfaces");
        }
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

    public Path credentialsFile() {
        return home.resolve(ConsoleCredentials.FILE_NAME);
    }

    /** The generated TLS material and the hand-over of a given keystore's password. */
    public Path tls() {
        return home.resolve("tls");
    }
}
