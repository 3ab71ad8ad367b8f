package org.campusmirror.mirror.widgets.http;

import java.io.IOException;
import java.net.URI;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Fetches documents over HTTP politely on behalf of widgets: one shared instance per mirror, so backoff and
 * revalidation are shared too. The mirror registers it as an OSGi service; tests build a
 * {@link PoliteHttpFetcher}.
 *
 * <p>Failures are {@link IOException}s, which the widget runtime shows as stale data (see the widget API):
 * {@link HttpStatusException} (and {@link RateLimitedException}), {@link BackingOffException},
 * {@link BodyTooLargeException}, {@link UnexpectedContentTypeException}, {@link UnsupportedUrlException},
 * {@link RedirectRefusedException}, {@link java.net.http.HttpTimeoutException}, and the JDK's network errors with
 * the host named. Every message names the URL without credentials.
 */
@ProviderType
public interface HttpFetcher {

    /**
     * Sends the GET, following at most the configured number of redirects, and returns a 2xx answer (or the
     * cached copy after a 304). Blocks; honours interruption with an {@link java.io.InterruptedIOException}.
     */
    FetchResponse fetch(FetchRequest request) throws IOException;

    /** {@link #fetch} with the defaults: any content type, the fetcher's body limit, revalidation on. */
    default FetchResponse get(URI uri) throws IOException {
        return fetch(FetchRequest.get(uri));
    }
}
