package org.campusmirror.mirror.runtime.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One bounded {@code GET} of the display page: the HTTP part is up only when the page is really served. */
final class HttpProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final URI page;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    HttpProbe(URI page) {
        this.page = page;
    }

    boolean served() {
        HttpRequest request = HttpRequest.newBuilder(page).timeout(TIMEOUT).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
