package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The WebSocket server of the real mirror.jar (ws.server's whiteboard in Felix): with
 * {@code -Dmirror.ws.echo=true} the {@code /echo} endpoint answers each message as it came, text as text and
 * binary as binary.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WebSocketEchoTest {

    @Test
    void echoEndpointAnswersTextAndBinary() throws Exception {
        MirrorProcess.Options options = MirrorProcess.Options.in(MirrorProcess.workFolder("ws-echo").resolve("home"))
                .withProperty("mirror.ws.echo", "true");
        try (MirrorProcess mirror = MirrorProcess.start(options).awaitReady()) {
            CompletableFuture<String> text = new CompletableFuture<>();
            CompletableFuture<ByteBuffer> binary = new CompletableFuture<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + options.wsPort() + "/echo"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            text.complete(data.toString());
                            ws.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                            ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
                            binary.complete(copy);
                            ws.request(1);
                            return null;
                        }
                    }).get(30, TimeUnit.SECONDS);
            socket.sendText("Mensa: Linsen mit Spätzle", true).get(10, TimeUnit.SECONDS);
            assertEquals("Mensa: Linsen mit Spätzle", text.get(10, TimeUnit.SECONDS));
            socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3, (byte) 0xFE}), true).get(10, TimeUnit.SECONDS);
            assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3, (byte) 0xFE}), binary.get(10, TimeUnit.SECONDS));
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
            assertTrue(mirror.output().contains("WebSocket server listening on port " + options.wsPort()),
                    mirror.output());
        }
    }
}
