package org.campusmirror.launcher;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks before the framework starts that a port can be listened on, so that a taken port stops start-up with one
 * line naming the port and the property that changes it, instead of a Jetty stack trace deep in the log.
 */
final class PortCheck {
    private PortCheck() {
    }

    /** Throws when {@code port} cannot be bound on all interfaces; port 0 (any free port) always passes. */
    static void requireFree(int port, String property) throws StartupException {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            // The servers bind with SO_REUSEADDR too: a port in TIME_WAIT is usable, a listening one is not.
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(port));
        } catch (BindException taken) {
            String reason = taken.getMessage() != null && taken.getMessage().contains("in use")
                    ? "is in use" : "cannot be opened (" + taken.getMessage() + ")";
            throw new StartupException("port " + port + " " + reason + "; set -D" + property + "=N");
        } catch (IOException other) {
            throw new StartupException("port " + port + " cannot be opened (" + other.getMessage()
                    + "); set -D" + property + "=N");
        }
    }
}
