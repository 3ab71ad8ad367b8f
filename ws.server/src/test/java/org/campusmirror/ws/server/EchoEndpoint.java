package org.campusmirror.ws.server;

import java.nio.ByteBuffer;

/** Echoes every message as it came: text as text (no decoding), binary as binary. */
final class EchoEndpoint implements WebSocketEndpoint {
    @Override
    public void onTextUtf8(WebSocket socket, ByteBuffer utf8) {
        socket.sendText(utf8);
    }

    @Override
    public void onBinary(WebSocket socket, ByteBuffer data) {
        socket.sendBinary(data);
    }
}
