package org.campusmirror.ws.server.osgi;

import java.nio.ByteBuffer;

import org.campusmirror.ws.server.WebSocket;
import org.campusmirror.ws.server.WebSocketEndpoint;
import org.campusmirror.ws.server.WebSocketServer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /broadcast} for load tests (contract: {@code -Dmirror.ws.echo=true}): each message received is sent,
 * encoded once, to every connection open on {@code /broadcast}, the sender included. It asks deflate clients
 * for {@code server_no_context_takeover} so a compressed broadcast is compressed once too.
 */
@Component(name = BroadcastEndpointComponent.NAME, enabled = false, service = WebSocketEndpoint.class)
@WebSocketEndpoint.Path(BroadcastEndpointComponent.PATH)
@WebSocketEndpoint.Broadcast
public final class BroadcastEndpointComponent implements WebSocketEndpoint {
    static final String NAME = "org.campusmirror.ws.server.broadcast";
    static final String PATH = "/broadcast";

    private final WebSocketServer server;

    @Activate
    public BroadcastEndpointComponent(@Reference WebSocketServer server) {
        this.server = server;
    }

    @Override
    public void onTextUtf8(WebSocket socket, ByteBuffer utf8) {
        server.broadcastText(PATH, utf8);
    }

    @Override
    public void onBinary(WebSocket socket, ByteBuffer data) {
        server.broadcastBinary(PATH, data);
    }
}
