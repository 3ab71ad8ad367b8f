package org.campusmirror.mirror.widgets.http;

import java.io.IOException;

/** The body could not be read as the document it claims to be (malformed JSON, say). */
public final class MalformedBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedBodyException(String message, Throwable cause) {
        super(message, cause);
    }
}
