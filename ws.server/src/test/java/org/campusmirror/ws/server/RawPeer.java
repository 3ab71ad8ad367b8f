package org.campusmirror.ws.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A hand-made WebSocket client on a blocking socket, for peers that misbehave: it completes the handshake and
 * then does only what the test says (never read, never pong, send odd frames).
 */
final class RawPeer implements AutoCloseable {
    /** One frame as read: opcode and payload. */
    record Frame(int firstByte, byte[] payload) {
        int opcode() {
            return firstByte & 0x0F;
        }

        boolean rsv1() {
            return (firstByte & 0x40) != 0;
        }

        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
        }
    }

    final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects and completes the handshake for {@code path} (with extra header lines). */
    static RawPeer open(WebSocketServer server, String path, String extraHeaders) throws IOException {
        return over(new Socket(Loopback.ADDRESS, server.port()), path, extraHeaders);
    }

    /** Completes the handshake for {@code path} over a connected socket (e.g. TLS, or with small buffers). */
    static RawPeer over(Socket connected, String path, String extraHeaders) throws IOException {
        RawPeer peer = new RawPeer(connected);
        peer.socket.setSoTimeout(10_000);
        peer.send(Loopback.upgradeRequest(path, extraHeaders).getBytes(StandardCharsets.ISO_8859_1));
        String head = Loopback.readHead(peer.socket.getInputStream());
        assertTrue(head.startsWith("HTTP/1.1 101 "), head);
        return peer;
    }

    static RawPeer open(WebSocketServer server, String path) throws IOException {
        return open(server, path, "");
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** A masked frame (key 0x01020304) with FIN set. */
    void sendFrame(int opcode, byte[] payload) throws IOException {
        send(frame(0x80 | opcode, payload));
    }

    static byte[] frame(int firstByte, byte[] payload) {
        int length = payload.length;
        int extended = length < 126 ? 0 : length < 65536 ? 2 : 8;
        byte[] frame = new byte[2 + extended + 4 + length];
        frame[0] = (byte) firstByte;
        int at = 2;
        if (extended == 0) {
            frame[1] = (byte) (0x80 | length);
        } else if (extended == 2) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (length >> 8);
            frame[3] = (byte) length;
            at = 4;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) length >> (56 - 8 * i));
            }
            at = 10;
        }
        byte[] key = {1, 2, 3, 4};
        System.arraycopy(key, 0, frame, at, 4);
        for (int i = 0; i < length; i++) {
            frame[at + 4 + i] = (byte) (payload[i] ^ key[i & 3]);
        }
        return frame;
    }

    /** Reads one (unmasked) frame from the server. */
    Frame readFrame() throws IOException {
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long length = b1 & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(b0, payload);
    }

    /** Reads frames until a close frame and returns it. */
    Frame readUntilClose() throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame.opcode() == 8) {
                return frame;
            }
        }
    }

    /** Whether the server closed TCP (EOF) within the socket timeout, discarding anything before it. */
    boolean closedByServer() throws IOException {
        try {
            byte[] sink = new byte[8192];
            while (in.read(sink) >= 0) {
                // discard
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /**
     * Reads to the end, discarding, and returns how the server ended: "FIN" (end of stream: with TLS, after its
     * close_notify), "reset" or "timeout" (still open after the socket timeout).
     */
    String end() {
        try {
            byte[] sink = new byte[8192];
            while (in.read(sink) >= 0) {
                // discard
            }
            return "FIN";
        } catch (SocketTimeoutException e) {
            return "timeout";
        } catch (IOException e) {
            return "reset (" + e + ")";
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
