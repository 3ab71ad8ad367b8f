package org.campusmirror.ws.server.internal;

import java.net.URI;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;

import org.campusmirror.ws.server.ClientOptions;
import org.campusmirror.ws.server.WebSocket;
import org.campusmirror.ws.server.WebSocketHandler;

/** The client facade's way into the internal package: starts a client session on a loop. */
public final class ClientConnector {
    private ClientConnector() {
    }

    public static void connect(IoLoop loop, SocketChannel channel, URI uri, ClientOptions options,
            WebSocketHandler handler, CompletableFuture<WebSocket> opened) {
        ClientSession session = new ClientSession(loop, channel, uri, options, handler, opened);
        if (!loop.execute(session::start)) {
            opened.completeExceptionally(new java.io.IOException("the client's I/O thread has ended"));
        }
    }
}
