package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A mirror on all interfaces, as installed, reached from this machine's network address: the connection really
 * comes from a non-loopback address (a socket bound to it), no header pretends anything. Console requests over
 * plain HTTP are sent to HTTPS before any credential is checked; the display page stays on plain HTTP; over HTTPS
 * the console answers, with the certificate naming that address.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConsoleRedirectTest {
    private static final String PASSWORD = "redirect-test-password";

    @Test
    void plainHttpConsoleRequestFromTheNetworkIsRedirectedToHttps() throws Exception {
        InetAddress network = Tls.nonLoopbackAddress().orElseThrow(() -> new AssertionError(
                "this machine has no non-loopback IPv4 address to connect from"));
        MirrorProcess.Options options = MirrorProcess.Options.in(MirrorProcess.workFolder("console-redirect")
                .resolve("home")).onAllInterfaces().withProperty("mirror.admin.password", PASSWORD);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try (MirrorProcess mirror = MirrorProcess.start(options).awaitReady()) {
            RawHttp.Response console = RawHttp.get(network, network, options.httpPort(),
                    "/system/console/bundles?x=1", basic);
            assertEquals(302, console.status(), console.toString());
            assertEquals("https://" + network.getHostAddress() + ":" + options.httpsPort()
                    + "/system/console/bundles?x=1", console.headers().get("location"));

            RawHttp.Response anonymous = RawHttp.get(network, network, options.httpPort(), "/system/console", null);
            assertEquals(302, anonymous.status(), "redirected before any challenge: " + anonymous);

            RawHttp.Response page = RawHttp.get(network, network, options.httpPort(), "/", null);
            assertEquals(200, page.status(), "the display page stays on plain HTTP");

            RawHttp.Response overHttps = RawHttp.getTls(Tls.trusting(options.home().resolve("tls/console.crt")),
                    network, network, options.httpsPort(), "/system/console/bundles", basic);
            assertEquals(200, overHttps.status(), overHttps.toString());

            RawHttp.Response loopback = RawHttp.get(InetAddress.getLoopbackAddress(), InetAddress.getLoopbackAddress(),
                    options.httpPort(), "/system/console/bundles", basic);
            assertEquals(200, loopback.status(), "loopback is served over plain HTTP");
            assertTrue(loopback.body().contains("bundles"), "the console page itself");
        }
    }
}
