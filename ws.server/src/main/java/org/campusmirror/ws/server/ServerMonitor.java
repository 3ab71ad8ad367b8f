package org.campusmirror.ws.server;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told when the server's health changes, so that it is never lost silently (the OSGi component withdraws the
 * mirror's readiness while the server is not whole). Called on the server's own threads: return quickly.
 */
@ConsumerType
public interface ServerMonitor {
    /** Tells nothing. */
    ServerMonitor NONE = new ServerMonitor() {
    };

    /**
     * An I/O thread ended unexpectedly; the connections it served were dropped (the server logged why).
     *
     * @param thread     its name, e.g. {@code mirror-ws-io-0}
     * @param cause      why, or null when it ended without an error
     * @param restarting whether the server starts a new thread in its place; if not, the server has stopped
     *                   listening (new clients are refused at once) and stays so until it is closed
     */
    default void ioThreadFailed(String thread, Throwable cause, boolean restarting) {
    }

    /** The thread that failed runs again (as a new thread of the same name): the server is whole. */
    default void ioThreadRestarted(String thread) {
    }
}
