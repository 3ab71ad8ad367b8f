package org.campusmirror.ws.server.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/** Bytes straight to and from the socket: one shared instance serves every plain session. */
final class PlainWire extends Wire {
    static final PlainWire INSTANCE = new PlainWire();

    private PlainWire() {
    }

    @Override
    int read(SocketChannel channel, IoLoop loop, Sink sink) throws IOException {
        ByteBuffer buffer = loop.readBuffer();
        int n = channel.read(buffer);
        if (n > 0) {
            sink.accept(buffer.flip());
        }
        return n;
    }

    @Override
    boolean write(SocketChannel channel, IoLoop loop, ByteBuffer[] buffers, int count) throws IOException {
        if (count == 1) {
            channel.write(buffers[0]);
        } else {
            channel.write(buffers, 0, count);
        }
        return true;
    }

    @Override
    boolean hasPendingOutput() {
        return false;
    }

    @Override
    boolean isEstablished() {
        return true;
    }

    @Override
    int retainedBytes() {
        return 0;
    }
}
