package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A WebSocket port set through Config Admin (a file in {@code configs/}, as an admin's save leaves it) that is in
 * use: the launcher cannot check it (it lives in the configuration), so the server component reports it with
 * one line naming the port and the configuration, the rest of the mirror runs, and readiness waits for the
 * websocket part instead of announcing a mirror whose display cannot connect.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WebSocketPortConfigurationTest {

    @Test
    void aConfiguredPortInUseIsOneLineAndTheMirrorRunsWithoutReadiness() throws Exception {
        Path home = MirrorProcess.workFolder("ws-config-port").resolve("home");
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            Path config = home.resolve("configs/org/campusmirror/ws/server.config");
            Files.createDirectories(config.getParent());
            Files.writeString(config, "service.pid=\"org.campusmirror.ws.server\"\nport=\"" + port + "\"\n",
                    StandardCharsets.UTF_8);
            MirrorProcess.Options options = MirrorProcess.Options.in(home);
            try (MirrorProcess mirror = MirrorProcess.start(options)) {
                String line = "Campus Mirror cannot start the WebSocket server: port " + port + " is in use; set "
                        + "port=N in the configuration org.campusmirror.ws.server";
                mirror.awaitOutput(line, MirrorProcess.START_TIMEOUT);
                Eventually.await("the display page is served", () -> displayPageStatus(options) == 200);
                Thread.sleep(2000); // readiness had time to announce, had it wrongly thought the websocket part up
                String output = mirror.output();
                assertEquals(1, output.lines().filter(l -> l.contains("cannot start the WebSocket server")).count(),
                        output);
                assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
                assertFalse(output.contains(MirrorProcess.READY_LINE), "websocket is not up:\n" + output);
                assertFalse(output.contains("WebSocket server listening"), output);
                assertTrue(mirror.isAlive(), "the mirror runs on");
                mirror.stop();
            }
        }
    }

    private static int displayPageStatus(MirrorProcess.Options options) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create("http://127.0.0.1:" + options.httpPort() + "/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }
}
