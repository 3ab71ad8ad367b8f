package org.campusmirror.ws.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Test helpers for servers on loopback. */
final class Loopback {
    static final InetAddress ADDRESS = InetAddress.getLoopbackAddress();

    private Loopback() {
    }

    /** A server builder on a free loopback port with one I/O thread. */
    static WebSocketServer.Builder server() {
        return WebSocketServer.builder().port(0).bindAddress(ADDRESS).ioThreads(1);
    }

    static URI uri(WebSocketServer server, String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }

    static WebSocket connect(WebSocketClient client, WebSocketServer server, String path, WebSocketHandler handler)
            throws Exception {
        return client.connect(uri(server, path), ClientOptions.DEFAULTS, handler).get(10, TimeUnit.SECONDS);
    }

    /** A valid upgrade request for {@code path} with extra header lines (each ending in CRLF). */
    static String upgradeRequest(String path, String extraHeaders) {
        return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" + extraHeaders
                + "\r\n";
    }

    /** Sends raw bytes and returns the response head (up to the blank line), with a read timeout. */
    static String rawExchange(WebSocketServer server, String request) throws IOException {
        try (Socket socket = new Socket(ADDRESS, server.port())) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readHead(socket.getInputStream());
        }
    }

    static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }
}
