package org.campusmirror.launcher;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
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
                    () -> PortCheck.requireFree(port, "mirror.http.port"));
            assertEquals("port " + port + " is in use; set -Dmirror.http.port=N", busy.getMessage());
        }
    }

    @Test
    void freePortPassesAndStaysFree() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertDoesNotThrow(() -> PortCheck.requireFree(port, "mirror.ws.port"));
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(port)); // the check let go of it
        }
    }

    @Test
    void portZeroMeansAnyAndIsNotChecked() {
        assertDoesNotThrow(() -> PortCheck.requireFree(0, "mirror.ws.port"));
    }
}
