package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records every event as a short string ("text:Hello", "binary:0102", "error:1002", ...), in order. */
class RecordingListener implements WebSocketListener {
    final List<String> events = new ArrayList<>();

    @Override
    public void onText(WebSocketConnection connection, String text) {
        events.add("text:" + text);
    }

    @Override
    public void onBinary(WebSocketConnection connection, ByteBuffer data) {
        events.add("binary:" + Hex.of(data));
    }

    @Override
    public void onMessageStart(WebSocketConnection connection, OpCode type) {
        events.add("start:" + type);
    }

    @Override
    public void onMessageData(WebSocketConnection connection, ByteBuffer data) {
        events.add("data:" + Hex.of(data));
    }

    @Override
    public void onMessageEnd(WebSocketConnection connection) {
        events.add("end");
    }

    @Override
    public void onPing(WebSocketConnection connection, ByteBuffer payload) {
        events.add("ping:" + Hex.of(payload));
    }

    @Override
    public void onPong(WebSocketConnection connection, ByteBuffer payload) {
        events.add("pong:" + Hex.of(payload));
    }

    @Override
    public void onCloseReceived(WebSocketConnection connection, int code, String reason) {
        events.add("closeReceived:" + code + ":" + reason);
    }

    @Override
    public void onError(WebSocketConnection connection, WebSocketProtocolException e) {
        events.add("error:" + e.closeCode());
    }

    @Override
    public void onClose(WebSocketConnection connection, int code, String reason) {
        events.add("close:" + code + ":" + reason);
    }

    static String utf8(ByteBuffer data) {
        return StandardCharsets.UTF_8.decode(data.duplicate()).toString();
    }
}
