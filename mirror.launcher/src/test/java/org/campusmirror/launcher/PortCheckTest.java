package org.campusmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

class PortCheckTest {
    @Test
    void listeningPortIsReportedWithThePropertyThatChangesIt() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            int port = taken.getLocalPort();
            StartupException busy = assertThrows(StartupException.class,
                    () -> PortCheck.requireFree(null, "mirror.http.host", port, "mirror.http.port"));
            assertEquals("port " + port + " is in use; set -Dmirror.http.port=N", busy.getMessage());
        }
    }

    @Test
    void portTakenOnTheConfiguredAddressIsReported() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            StartupException busy = assertThrows(StartupException.class,
                    () -> PortCheck.requireFree("127.0.0.1", "mirror.http.host", port, "mirror.https.port"));
            assertEquals("port " + port + " is in use; set -Dmirror.https.port=N", busy.getMessage());
        }
    }

    @Test
    void addressOfAnotherMachineNamesTheHostProperty() {
        // TEST-NET-2 (RFC 5737): for documentation, never assigned to a machine.
        String foreign = "198.51.100.77";
        StartupException notHere = assertThrows(StartupException.class,
                () -> PortCheck.requireFree(foreign, "mirror.ws.host", 18_081, "mirror.ws.port"));
        assertTrue(notHere.getMessage().startsWith("-Dmirror.ws.host=" + foreign + " is not an address of this machine"),
                notHere.getMessage());
    }

    @Test
    void freePortPassesAndStaysFree() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertDoesNotThrow(() -> PortCheck.requireFree("127.0.0.1", "mirror.ws.host", port, "mirror.ws.port"));
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(port)); // the check let go of it
        }
    }

    @Test
    void portZeroMeansAnyAndIsNotChecked() {
        assertDoesNotThrow(() -> PortCheck.requireFree(null, "mirror.ws.host", 0, "mirror.ws.port"));
    }
}
