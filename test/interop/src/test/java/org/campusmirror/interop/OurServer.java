package org.campusmirror.interop;

import java.net.InetAddress;
import java.net.URI;

import org.campusmirror.ws.server.WebSocketServer;

/** Our server on a free loopback port, one I/O thread: what every test of our server starts. */
final class OurServer {
    private OurServer() {
    }

    static WebSocketServer.Builder onLoopback() {
        return WebSocketServer.builder().port(0).bindAddress(InetAddress.getLoopbackAddress()).ioThreads(1)
                .threadName("interop-ws");
    }

    static URI uri(WebSocketServer server, String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }
}
