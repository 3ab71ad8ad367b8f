package org.campusmirror.mirror.widgets.http;

import java.io.IOException;
import java.net.URI;

/** The answer is not the kind of document asked for, e.g. an HTML login page instead of JSON. */
public final class UnexpectedContentTypeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final MediaType received;

    public UnexpectedContentTypeException(URI uri, String expected, MediaType received) {
        super(HttpUrls.forDisplay(uri) + " answered " + received.essence() + ", not " + expected
                + (received.isAnyOf("text/html") ? " (an error or login page?)" : ""));
        this.received = received;
    }

    public MediaType received() {
        return received;
    }
}
