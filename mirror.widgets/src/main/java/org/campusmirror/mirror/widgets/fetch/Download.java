package org.campusmirror.mirror.widgets.fetch;

import java.io.IOException;
import java.net.URI;

/**
 * How the calendar and news widgets fetch a URL: one GET, the body bounded, HTTP errors as IOExceptions. In the
 * framework it is backed by the shared HTTP client; tests give their own.
 */
@FunctionalInterface
public interface Download {

    /** The body of a successful GET of {@code uri}, at most {@code maxBytes} long. */
    Body get(URI uri, long maxBytes) throws IOException;

    /**
     * @param bytes       the body
     * @param contentType the Content-Type header, or null
     */
    record Body(byte[] bytes, String contentType) {
    }
}
