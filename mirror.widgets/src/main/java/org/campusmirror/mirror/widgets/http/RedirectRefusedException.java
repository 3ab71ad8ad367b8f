package org.campusmirror.mirror.widgets.http;

import java.io.IOException;

/** A redirect was not followed: too many of them, no {@code Location}, or a step from https down to http. */
public final class RedirectRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    public RedirectRefusedException(String message) {
        super(message);
    }
}
