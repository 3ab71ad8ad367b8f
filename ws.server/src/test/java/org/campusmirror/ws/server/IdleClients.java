package org.campusmirror.ws.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate process holding many idle WebSocket connections, so that the test JVM's heap holds only the
 * server's side of them. Arguments: port, count, path. Prints {@code READY <count>} once every handshake is
 * done, then waits for its standard input to close and exits (closing the sockets).
 */
public final class IdleClients {
    private IdleClients() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        String path = args[2];
        byte[] request = Loopback.upgradeRequest(path, "").getBytes(StandardCharsets.ISO_8859_1);
        List<SocketChannel> open = new ArrayList<>(count);
        ByteBuffer response = ByteBuffer.allocate(1024);
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            channel.write(ByteBuffer.wrap(request));
            response.clear();
            while (!endsHead(response)) {
                if (channel.read(response) < 0) {
                    throw new IOException("server closed connection " + i + ": "
                            + new String(response.array(), 0, response.position(), StandardCharsets.ISO_8859_1));
                }
            }
            if (!new String(response.array(), 0, 12, StandardCharsets.ISO_8859_1).equals("HTTP/1.1 101")) {
                throw new IOException("no 101 for connection " + i);
            }
            open.add(channel);
        }
        System.out.println("READY " + open.size());
        System.out.flush();
        InputStream in = System.in;
        while (in.read() >= 0) {
            // wait for the test to close our stdin
        }
        for (SocketChannel channel : open) {
            channel.close();
        }
    }

    private static boolean endsHead(ByteBuffer buffer) {
        int p = buffer.position();
        return p >= 4 && buffer.get(p - 4) == '\r' && buffer.get(p - 3) == '\n' && buffer.get(p - 2) == '\r'
                && buffer.get(p - 1) == '\n';
    }
}
