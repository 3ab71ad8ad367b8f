package org.campusmirror.interop;

import java.net.InetAddress;
import java.net.URI;

import org.campusmirror.ws.protocol.ProtocolLimits;
import org.campusmirror.ws.server.ServerLimits;
import org.campusmirror.ws.server.WebSocketServer;

/**
 * Our server on a free loopback port, one I/O thread: what every test of our server starts. It takes the
 * engine's 16 MiB messages rather than the server's 1 MiB default: the peers exchange messages of up to 10 MiB.
 */
final class OurServer {
    private OurServer() {
    }

    static WebSocketServer.Builder onLoopback() {
        return WebSocketServer.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).ioThreads(1)
                .threadName("interop-ws").limits(ServerLimits.DEFAULTS.withProtocol(ProtocolLimits.DEFAULTS));
    }

    static URI uri(WebSocketServer server, String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }
}
