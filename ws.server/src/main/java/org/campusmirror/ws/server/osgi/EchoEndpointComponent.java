package org.campusmirror.ws.server.osgi;

import java.nio.ByteBuffer;

import org.campusmirror.ws.server.WebSocket;
import org.campusmirror.ws.server.WebSocketEndpoint;
import org.osgi.service.component.annotations.Component;

/**
 * {@code /echo} for conformance and load tests (contract: {@code -Dmirror.ws.echo=true}): each text and
 * binary message goes back as it came, text as text without decoding. Disabled until the server component
 * enables it.
 */
@Component(name = EchoEndpointComponent.NAME, enabled = false, service = WebSocketEndpoint.class)
@WebSocketEndpoint.Path("/echo")
public final class EchoEndpointComponent implements WebSocketEndpoint {
    static final String NAME = "org.campusmirror.ws.server.echo";

    @Override
    public void onTextUtf8(WebSocket socket, ByteBuffer utf8) {
        socket.sendText(utf8);
    }

    @Override
    public void onBinary(WebSocket socket, ByteBuffer data) {
        socket.sendBinary(data);
    }
}
