package org.campusmirror.mirror.widgets.http;

import java.io.IOException;
import java.time.Instant;

/**
 * Not sent: the host or URL failed recently (or asked us to wait), and the fetcher does not ask it again before
 * {@link #until()}. Nothing went over the network.
 */
public final class BackingOffException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Instant until;

    public BackingOffException(String target, Instant until, int failures, String lastFailure) {
        super("not asking " + target + " again before " + until + " (" + failures
                + (failures == 1 ? " failure" : " failures in a row") + "; last: " + lastFailure + ")");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
