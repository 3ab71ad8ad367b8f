package org.campusmirror.mirror.widgets.http;

import java.io.IOException;

/** The URL cannot be fetched: not http or https ({@code file:}, {@code jar:} ...), no host, or credentials in it. */
public final class UnsupportedUrlException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnsupportedUrlException(String message) {
        super(message);
    }
}
