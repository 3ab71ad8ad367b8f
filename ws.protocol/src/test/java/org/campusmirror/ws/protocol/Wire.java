package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The peer's view of a connection under test: builds the frames the peer sends (masked when the peer is a
 * client) and parses what the connection wrote, as the transport would drain it.
 */
final class Wire {
    static final MaskKeyGenerator FIXED_KEY = () -> 0x37fa213d;

    private final WebSocketConnection connection;
    private final FrameWriter peerWriter;
    private final FrameParser peerParser;

    Wire(WebSocketConnection connection) {
        this.connection = connection;
        Role peer = connection.role() == Role.SERVER ? Role.CLIENT : Role.SERVER;
        this.peerWriter = new FrameWriter(peer, FIXED_KEY);
        this.peerParser = new FrameParser(peer, ProtocolLimits.DEFAULTS, Frame.RSV_MASK);
    }

    /** The frame as the peer puts it on the wire. */
    ByteBuffer encode(Frame frame) {
        return peerWriter.encode(frame);
    }

    /** Sends frames from the peer in one read. */
    void send(Frame... frames) {
        int size = 0;
        for (Frame f : frames) {
            size += peerWriter.encodedLength(f);
        }
        ByteBuffer all = ByteBuffer.allocate(size);
        for (Frame f : frames) {
            peerWriter.write(f, all);
        }
        connection.receive(all.flip());
    }

    /** Sends raw bytes from the peer (already masked if the peer is a client). */
    void sendRaw(String hex) {
        connection.receive(Hex.buffer(hex));
    }

    /** Everything the connection queued, drained as a transport would: one buffer of bytes. */
    ByteBuffer drain() {
        OutboundQueue queue = connection.outbound();
        ByteBuffer all = ByteBuffer.allocate((int) queue.remaining());
        for (ByteBuffer b = queue.peek(); b != null; b = queue.peek()) {
            all.put(b);
        }
        return all.flip();
    }

    /** The frames the connection wrote since the last call. */
    List<Frame> written() throws WebSocketProtocolException {
        ByteBuffer bytes = drain();
        List<Frame> frames = new ArrayList<>();
        for (Frame f = peerParser.parse(bytes); f != null; f = peerParser.parse(bytes)) {
            frames.add(f);
        }
        if (bytes.hasRemaining()) {
            throw new AssertionError("incomplete frame left in the output");
        }
        return frames;
    }
}
