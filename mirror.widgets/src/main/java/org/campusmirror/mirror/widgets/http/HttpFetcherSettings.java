package org.campusmirror.mirror.widgets.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PoliteHttpFetcher} behaves. {@link #defaults} gives the mirror's values; the {@code with} methods
 * return changed copies.
 *
 * @param userAgent       the {@code User-Agent}: the project and its version, e.g. {@code CampusMirror/0.1.0}
 * @param connectTimeout  to open the connection (and TLS)
 * @param readTimeout     the longest silence while waiting for the headers or the next bytes of the body
 * @param totalTimeout    the longest a whole exchange may take, a trickling body included
 * @param maxBodyBytes    the body limit of requests that do not set their own
 * @param maxRedirects    redirects followed per fetch
 * @param backoffBase     the wait after the first failure; it doubles with each further one
 * @param backoffMax      the longest wait after failures
 * @param maxRetryAfter   the longest {@code Retry-After} honoured (a larger one is cut to this)
 * @param cacheBytes      bodies kept for revalidation, all together
 */
public record HttpFetcherSettings(String userAgent, Duration connectTimeout, Duration readTimeout,
        Duration totalTimeout, long maxBodyBytes, int maxRedirects, Duration backoffBase, Duration backoffMax,
        Duration maxRetryAfter, long cacheBytes) {
    public static final String PRODUCT = "CampusMirror";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(20);
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(60);
    public static final long DEFAULT_MAX_BODY_BYTES = 2L << 20;
    public static final int DEFAULT_MAX_REDIRECTS = 5;
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(15);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofMinutes(30);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofHours(6);
    public static final long DEFAULT_CACHE_BYTES = 4L << 20;

    public HttpFetcherSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(totalTimeout, "totalTimeout");
        requirePositive(backoffBase, "backoffBase");
        requirePositive(backoffMax, "backoffMax");
        requirePositive(maxRetryAfter, "maxRetryAfter");
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBodyBytes " + maxBodyBytes + " is out of range");
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("maxRedirects " + maxRedirects + " is out of range 0-20");
        }
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("cacheBytes " + cacheBytes + " is negative");
        }
    }

    /** The mirror's defaults with the user agent for {@code version}. */
    public static HttpFetcherSettings defaults(String version) {
        return new HttpFetcherSettings(userAgent(version), DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                DEFAULT_TOTAL_TIMEOUT, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_BACKOFF_BASE,
                DEFAULT_BACKOFF_MAX, DEFAULT_MAX_RETRY_AFTER, DEFAULT_CACHE_BYTES);
    }

    /** {@code CampusMirror/0.1.0} for a bundle version {@code 0.1.0.SNAPSHOT}: the project and its release. */
    public static String userAgent(String version) {
        String[] parts = version.split("\\.");
        String release = parts.length >= 3 ? parts[0] + "." + parts[1] + "." + parts[2] : version;
        return PRODUCT + "/" + release;
    }

    public HttpFetcherSettings withTimeouts(Duration connect, Duration read, Duration total) {
        return new HttpFetcherSettings(userAgent, connect, read, total, maxBodyBytes, maxRedirects, backoffBase,
                backoffMax, maxRetryAfter, cacheBytes);
    }

    public HttpFetcherSettings withMaxBodyBytes(long limit) {
        return new HttpFetcherSettings(userAgent, connectTimeout, readTimeout, totalTimeout, limit, maxRedirects,
                backoffBase, backoffMax, maxRetryAfter, cacheBytes);
    }

    public HttpFetcherSettings withBackoff(Duration base, Duration max, Duration retryAfterMax) {
        return new HttpFetcherSettings(userAgent, connectTimeout, readTimeout, totalTimeout, maxBodyBytes,
                maxRedirects, base, max, retryAfterMax, cacheBytes);
    }

    public HttpFetcherSettings withRedirectsAndCache(int redirects, long cache) {
        return new HttpFetcherSettings(userAgent, connectTimeout, readTimeout, totalTimeout, maxBodyBytes, redirects,
                backoffBase, backoffMax, maxRetryAfter, cache);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
    }
}
