package org.campusmirror.mirror.widgets.http;

import java.io.IOException;
import java.net.URI;

/** The body was larger than the limit: refused, and the connection dropped at the limit, never read whole. */
public final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    public BodyTooLargeException(URI uri, long limit, long declared) {
        super(HttpUrls.forDisplay(uri) + (declared >= 0 ? " declares " + declared + " bytes" : " sent more")
                + ", over the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
