package org.campusmirror.ws.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** The JDK's own WebSocket client ({@code java.net.http}), as an independent peer for tests. */
final class JdkClient {
    private JdkClient() {
    }

    /** Connects and completes {@code firstText} with the first whole text message received. */
    static WebSocket connect(HttpClient http, URI uri, CompletableFuture<String> firstText) throws Exception {
        return http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    firstText.complete(text.toString());
                }
                ws.request(1);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
    }
}
