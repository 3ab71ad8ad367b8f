package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
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
    @ValueSource(strings = {"mirror.http.port", "mirror.https.port", "mirror.ws.port"})
    void portInUseStopsStartupWithOneLine(String property) throws Exception {
        // Taken on loopback only: the check probes the address the mirror will listen on (127.0.0.1 in tests).
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

    @Test
    void hostThatIsNotThisMachineStopsStartupWithOneLine() throws Exception {
        MirrorProcess.Options options = MirrorProcess.Options.in(home("foreign-host"))
                .withProperty("mirror.http.host", "198.51.100.77");
        try (MirrorProcess mirror = MirrorProcess.start(options)) {
            assertNotEquals(0, mirror.awaitExit(), mirror.output());
            String line = mirror.output().strip();
            assertTrue(line.startsWith("Campus Mirror cannot start: -Dmirror.http.host=198.51.100.77 is not an address"
                    + " of this machine"), line);
            assertFalse(line.contains("\n"), "one line: " + line);
        }
    }

    @Test
    void keystoreWithTheWrongPasswordStopsStartupWithOneLine() throws Exception {
        Path work = MirrorProcess.workFolder("wrong-keystore-password");
        Path keystore = Tls.adminKeystore(work.resolve("own.p12"), "the-right-one", "mirror.example");
        MirrorProcess.Options options = MirrorProcess.Options.in(work.resolve("home"))
                .withProperty("mirror.https.keystore", keystore.toString())
                .withEnvironment("MIRROR_HTTPS_KEYSTORE_PASSWORD", "a-wrong-one");
        try (MirrorProcess mirror = MirrorProcess.start(options)) {
            assertNotEquals(0, mirror.awaitExit(), mirror.output());
            String line = mirror.output().strip();
            assertTrue(line.startsWith("Campus Mirror cannot start: cannot open the keystore " + keystore), line);
            assertFalse(line.contains("\n"), "one line: " + line);
        }
    }

    private static ServerSocket occupy() throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return socket;
    }

    private static Path home(String name) throws Exception {
        return MirrorProcess.workFolder(name).resolve("home");
    }
}
