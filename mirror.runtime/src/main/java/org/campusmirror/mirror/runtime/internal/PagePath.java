package org.campusmirror.mirror.runtime.internal;

import java.net.URI;
import java.util.List;

/** Where the display page can be reached on this machine, from what the HTTP runtime announces. */
final class PagePath {
    private PagePath() {
    }

    /**
     * The display page as this machine reaches it: on loopback, unless HTTP listens on one address only
     * ({@code mirror.http.host}), then on that address. The HTTP runtime's endpoints (e.g.
     * {@code http://0.0.0.0:8080/}) name the actual port, also when port 0 picked a free one; the configured port is
     * the fallback.
     */
    static URI localPage(List<String> endpoints, String configuredPort, String configuredHost) {
        String host = configuredHost == null || configuredHost.isBlank() || isWildcard(configuredHost.strip())
                ? "127.0.0.1" : configuredHost.strip();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        for (String endpoint : endpoints) {
            URI uri = URI.create(endpoint.strip());
            if ("http".equals(uri.getScheme()) && uri.getPort() > 0) {
                return URI.create("http://" + host + ":" + uri.getPort() + "/");
            }
        }
        String port = configuredPort == null || configuredPort.isBlank() ? "8080" : configuredPort.strip();
        return URI.create("http://" + host + ":" + port + "/");
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.equals("0:0:0:0:0:0:0:0");
    }
}
