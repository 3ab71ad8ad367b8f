package org.campusmirror.mirror.widgets.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful answer: the body (at most the request's limit), the headers, and where it came from. When the
 * server answered 304, it is the cached copy, revalidated now ({@link #revalidated()} is true).
 */
public final class FetchResponse {
    private final URI uri;
    private final int status;
    private final byte[] body;
    private final HttpHeaders headers;
    private final Instant fetchedAt;
    private final boolean revalidated;

    /**
     * @param uri         the URL that answered, after redirects
     * @param status      the 2xx status of the answer that carried the body
     * @param body        the body; kept, not copied
     * @param headers     the headers of the answer that carried the body
     * @param fetchedAt   when the answer (or the 304 that confirmed it) arrived
     * @param revalidated true when a 304 confirmed a cached copy
     */
    public FetchResponse(URI uri, int status, byte[] body, HttpHeaders headers, Instant fetchedAt,
            boolean revalidated) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.status = status;
        this.body = Objects.requireNonNull(body, "body");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.fetchedAt = Objects.requireNonNull(fetchedAt, "fetchedAt");
        this.revalidated = revalidated;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    /** The body bytes; the array is shared, do not change it. */
    public byte[] body() {
        return body;
    }

    public HttpHeaders headers() {
        return headers;
    }

    public Instant fetchedAt() {
        return fetchedAt;
    }

    public boolean revalidated() {
        return revalidated;
    }

    /** The first value of a header, ignoring case. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public MediaType mediaType() {
        return MediaType.parse(headers.firstValue("Content-Type").orElse(null));
    }

    /** The charset the {@code Content-Type} declares, else {@code fallback}. */
    public Charset charset(Charset fallback) {
        return mediaType().charset().orElse(fallback);
    }

    /** The body decoded with the declared charset, or UTF-8 when none is declared. */
    public String text() {
        return new String(body, charset(StandardCharsets.UTF_8));
    }

    /**
     * Returns this answer when its content type is one of {@code ranges} (see {@link MediaType#isAnyOf}), else
     * throws naming what was expected and what came, e.g. a login page's {@code text/html} instead of JSON.
     *
     * @param expected words for the admin, e.g. {@code "JSON"}
     */
    public FetchResponse requireContentType(String expected, String... ranges) throws UnexpectedContentTypeException {
        MediaType type = mediaType();
        if (!type.isAnyOf(ranges)) {
            throw new UnexpectedContentTypeException(uri, expected, type);
        }
        return this;
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + HttpUrls.forDisplay(uri) + " (" + body.length + " bytes, " + mediaType()
                + (revalidated ? ", revalidated" : "") + ")";
    }
}
