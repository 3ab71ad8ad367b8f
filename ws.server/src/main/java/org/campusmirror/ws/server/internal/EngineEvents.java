package org.campusmirror.ws.server.internal;

import java.nio.ByteBuffer;

import org.campusmirror.ws.protocol.WebSocketConnection;
import org.campusmirror.ws.protocol.WebSocketListener;
import org.campusmirror.ws.protocol.WebSocketProtocolException;

/**
 * The engine's events for one session, passed to the application's handler with the connection as the
 * application knows it (its {@link SessionSocket}, not the engine). Three events also concern the transport,
 * which is why this is more than a relay: a pong answers the heartbeat, and a close frame or a failure ends
 * sending (and a failure is logged and counted).
 */
final class EngineEvents implements WebSocketListener {
    private final Session session;

    EngineEvents(Session session) {
        this.session = session;
    }

    @Override
    public void onTextUtf8(WebSocketConnection c, ByteBuffer utf8) {
        session.handler.onTextUtf8(session.socket, utf8);
    }

    @Override
    public void onBinary(WebSocketConnection c, ByteBuffer data) {
        session.handler.onBinary(session.socket, data);
    }

    @Override
    public void onPing(WebSocketConnection c, ByteBuffer payload) {
        session.handler.onPing(session.socket, payload);
    }

    @Override
    public void onPong(WebSocketConnection c, ByteBuffer payload) {
        session.pongArrived();
        session.handler.onPong(session.socket, payload);
    }

    @Override
    public void onCloseReceived(WebSocketConnection c, int code, String reason) {
        session.socket.stopSending();
    }

    @Override
    public void onError(WebSocketConnection c, WebSocketProtocolException e) {
        session.socket.stopSending();
        session.protocolError(e);
        session.handler.onError(session.socket, e);
    }

    @Override
    public void onClose(WebSocketConnection c, int code, String reason) {
        session.handler.onClose(session.socket, code, reason);
    }
}
