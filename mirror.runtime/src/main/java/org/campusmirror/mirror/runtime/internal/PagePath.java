package org.campusmirror.mirror.runtime.internal;

import java.net.URI;
import java.util.List;

/** Where the display page can be reached on this machine, from what the HTTP runtime announces. */
final class PagePath {
    private PagePath() {
    }

    /**
     * The display page on loopback. The HTTP runtime's endpoints (e.g. {@code http://0.0.0.0:8080/}) name the
     * actual port, also when port 0 picked a free one; the configured port is the fallback.
     */
    static URI loopbackPage(List<String> endpoints, String configuredPort) {
        for (String endpoint : endpoints) {
            URI uri = URI.create(endpoint.strip());
            if ("http".equals(uri.getScheme()) && uri.getPort() > 0) {
                return URI.create("http://127.0.0.1:" + uri.getPort() + "/");
            }
        }
        String port = configuredPort == null || configuredPort.isBlank() ? "8080" : configuredPort.strip();
        return URI.create("http://127.0.0.1:" + port + "/");
    }
}
