package org.campusmirror.launcher;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks before the framework starts that a port can be listened on, so that a taken port stops start-up with one
 * line naming the port and the property that changes it, instead of a Jetty stack trace deep in the log.
 */
final class PortCheck {
    private PortCheck() {
    }

    /**
     * Throws when {@code port} cannot be bound on {@code host} (null: all interfaces), the way the server will bind
     * it; port 0 (any free port) always passes. {@code hostProperty} is named when the address itself is the problem.
     */
    static void requireFree(String host, String hostProperty, int port, String portProperty) throws StartupException {
        if (port == 0) {
            return;
        }
        InetSocketAddress address;
        try {
            address = host == null ? new InetSocketAddress(port) : new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (IOException unknown) {
            throw new StartupException("-D" + hostProperty + "=" + host + " is not an address of this machine ("
                    + unknown.getMessage() + ")");
        }
        try (ServerSocket probe = new ServerSocket()) {
            // The servers bind with SO_REUSEADDR too: a port in TIME_WAIT is usable, a listening one is not.
            probe.setReuseAddress(true);
            probe.bind(address);
        } catch (BindException refused) {
            String reason = refused.getMessage() == null ? "" : refused.getMessage();
            if (reason.contains("in use")) {
                throw new StartupException("port " + port + " is in use; set -D" + portProperty + "=N");
            }
            if (host != null && reason.contains("assign")) {
                throw new StartupException("-D" + hostProperty + "=" + host + " is not an address of this machine ("
                        + reason + ")");
            }
            throw new StartupException("port " + port + " cannot be opened (" + reason + "); set -D" + portProperty
                    + "=N");
        } catch (IOException other) {
            throw new StartupException("port " + port + " cannot be opened (" + other.getMessage()
                    + "); set -D" + portProperty + "=N");
        }
    }
}
