package org.campusmirror.mirror.widgets.http;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * HTTP 429 or 503: the server asked us to wait, possibly saying until when ({@code Retry-After}, RFC 9110 section
 * 10.2.3). The fetcher asks that host again only after then.
 */
public final class RateLimitedException extends HttpStatusException {
    private static final long serialVersionUID = 1L;

    private final Instant retryAt;

    public RateLimitedException(int status, URI uri, Instant retryAt) {
        super(status, uri, retryAt == null ? "" : "; asked to retry after " + retryAt);
        this.retryAt = retryAt;
    }

    /** When the server said to retry, if it said so. */
    public Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }
}
