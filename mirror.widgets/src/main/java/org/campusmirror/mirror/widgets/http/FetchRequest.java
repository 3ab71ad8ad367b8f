package org.campusmirror.mirror.widgets.http;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One GET: the URL, what it accepts, how large its body may be, extra headers, and whether a cached copy may be
 * revalidated ({@code If-None-Match}, {@code If-Modified-Since}). Immutable; the {@code with} methods return
 * copies.
 *
 * @param uri         an http or https URL
 * @param accept      the {@code Accept} header, e.g. {@code application/json}
 * @param maxBytes    the body limit, or {@link #FETCHER_LIMIT} for the fetcher's
 * @param headers     extra request headers (not {@code User-Agent}, which the fetcher sets)
 * @param revalidate  whether to keep the body for a conditional request next time
 */
public record FetchRequest(URI uri, String accept, long maxBytes, Map<String, String> headers, boolean revalidate) {
    /** {@link #maxBytes} value meaning "the fetcher's configured limit". */
    public static final long FETCHER_LIMIT = 0;

    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(accept, "accept");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes " + maxBytes + " is negative");
        }
        headers = Map.copyOf(headers);
    }

    /** A GET of {@code uri} accepting anything, with the fetcher's limit and revalidation. */
    public static FetchRequest get(URI uri) {
        return new FetchRequest(uri, "*/*", FETCHER_LIMIT, Map.of(), true);
    }

    public FetchRequest withAccept(String mediaRange) {
        return new FetchRequest(uri, mediaRange, maxBytes, headers, revalidate);
    }

    public FetchRequest withMaxBytes(long limit) {
        return new FetchRequest(uri, accept, limit, headers, revalidate);
    }

    public FetchRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new FetchRequest(uri, accept, maxBytes, more, revalidate);
    }

    /** No cached copy is kept or sent for this request (a body that changes with every call). */
    public FetchRequest withoutRevalidation() {
        return new FetchRequest(uri, accept, maxBytes, headers, false);
    }

    public FetchRequest withUri(URI other) {
        return new FetchRequest(other, accept, maxBytes, headers, revalidate);
    }

    /** What identifies a cached copy: the URL and the headers that choose the representation. */
    String cacheKey(URI at) {
        return at + " " + accept + (headers.isEmpty() ? "" : " " + new TreeMap<>(headers));
    }
}
