package org.campusmirror.mirror.widgets.http;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An {@link HttpFetcher} for widget logic tests that need no network: canned bodies by URL, a missing URL fails
 * like a refused connection, and every request is recorded. Tests of the real fetch path use
 * {@link HttpTestServer} with a {@link PoliteHttpFetcher} instead.
 */
public final class CannedFetcher implements HttpFetcher {
    private record Canned(byte[] body, String contentType) {
    }

    private final Map<String, Canned> answers = new ConcurrentHashMap<>();
    private final List<FetchRequest> requests = new CopyOnWriteArrayList<>();

    /** Answers {@code url} with a 200 carrying {@code body} and {@code contentType} (null: no Content-Type). */
    public CannedFetcher answer(String url, byte[] body, String contentType) {
        answers.put(url, new Canned(body, contentType));
        return this;
    }

    /** {@code url} fails like a refused connection from now on. */
    public CannedFetcher refuse(String url) {
        answers.remove(url);
        return this;
    }

    public List<FetchRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public FetchResponse fetch(FetchRequest request) throws IOException {
        requests.add(request);
        Canned canned = answers.get(request.uri().toString());
        if (canned == null) {
            throw new java.net.ConnectException("cannot connect to " + HttpUrls.origin(request.uri())
                    + " (connection refused)");
        }
        Map<String, List<String>> headers = canned.contentType() == null ? Map.of()
                : Map.of("Content-Type", List.of(canned.contentType()));
        return new FetchResponse(request.uri(), 200, canned.body(), HttpHeaders.of(headers, (name, value) -> true),
                Instant.now(), false);
    }
}
