package org.campusmirror.mirror.runtime.internal;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/** One bounded {@code GET} of the display page: the HTTP part is up only when the page is really served. */
final class HttpProbe {
    private static final int TIMEOUT_MILLIS = 2_000;

    private final URI page;

    HttpProbe(URI page) {
        this.page = page;
    }

    URI page() {
        return page;
    }

    boolean served() {
        // HttpURLConnection rather than HttpClient: no extra selector thread kept alive for a one-off check.
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) page.toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            connection.setInstanceFollowRedirects(false);
            return connection.getResponseCode() == HttpURLConnection.HTTP_OK;
        } catch (IOException notYet) {
            return false;
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }
}
