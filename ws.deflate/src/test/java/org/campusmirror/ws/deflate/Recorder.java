package org.campusmirror.ws.deflate;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.protocol.WebSocketConnection;
import org.campusmirror.ws.protocol.WebSocketListener;
import org.campusmirror.ws.protocol.WebSocketProtocolException;

/** Records what a connection delivers: messages (whole or streamed), errors, the close. */
final class Recorder implements WebSocketListener {
    /** A received message. */
    record Message(OpCode type, byte[] data) {
        String text() {
            return new String(data, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    final List<Message> messages = new ArrayList<>();
    final List<WebSocketProtocolException> errors = new ArrayList<>();
    long streamedBytes;
    int closeCode = -1;
    private OpCode streamedType;
    private ByteArrayOutputStream streamed;

    @Override
    public void onTextUtf8(WebSocketConnection connection, ByteBuffer utf8) {
        messages.add(new Message(OpCode.TEXT, copy(utf8)));
    }

    @Override
    public void onBinary(WebSocketConnection connection, ByteBuffer data) {
        messages.add(new Message(OpCode.BINARY, copy(data)));
    }

    @Override
    public void onMessageStart(WebSocketConnection connection, OpCode type) {
        streamedType = type;
        streamed = new ByteArrayOutputStream();
    }

    @Override
    public void onMessageData(WebSocketConnection connection, ByteBuffer data) {
        streamedBytes += data.remaining();
        byte[] bytes = copy(data);
        streamed.write(bytes, 0, bytes.length);
    }

    @Override
    public void onMessageEnd(WebSocketConnection connection) {
        messages.add(new Message(streamedType, streamed.toByteArray()));
        streamed = null;
    }

    @Override
    public void onError(WebSocketConnection connection, WebSocketProtocolException e) {
        errors.add(e);
    }

    @Override
    public void onClose(WebSocketConnection connection, int code, String reason) {
        closeCode = code;
    }

    List<String> texts() {
        return messages.stream().map(Message::text).toList();
    }

    static byte[] copy(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
