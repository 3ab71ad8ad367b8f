package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Start-up that cannot go on ends with one clear line and a non-zero exit code, no stack trace. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StartupRefusalTest {
    @ParameterizedTest(name = "{0} in use")
    @ValueSource(strings = {"mirror.http.port", "mirror.ws.port"})
    void portInUseStopsStartupWithOneLine(String property) throws Exception {
        try (ServerSocket taken = occupy()) {
            int port = taken.getLocalPort();
            MirrorProcess.Options options = MirrorProcess.Options.in(home(property))
                    .withProperty(property, Integer.toString(port));
            assertRefused(options, "Campus Mirror cannot start: port " + port + " is in use; set -D" + property + "=N");
        }
    }

    @Test
    void malformedPortStopsStartupWithOneLine() throws Exception {
        MirrorProcess.Options options = MirrorProcess.Options.in(home("bad-port"))
                .withProperty("mirror.http.port", "eighty");
        assertRefused(options, "Campus Mirror cannot start: -Dmirror.http.port=eighty is not a port number (0-65535)");
    }

    private static void assertRefused(MirrorProcess.Options options, String expectedLine) throws Exception {
        try (MirrorProcess mirror = MirrorProcess.start(options)) {
            int exit = mirror.awaitExit();
            assertNotEquals(0, exit, mirror.output());
            assertEquals(expectedLine, mirror.output().strip(), "exactly one line, nothing else");
        }
    }

    private static ServerSocket occupy() throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(0));
        return socket;
    }

    private static Path home(String name) throws Exception {
        return MirrorProcess.workFolder(name).resolve("home");
    }
}
