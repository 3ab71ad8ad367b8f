package org.campusmirror.ws.autobahn;

import java.nio.ByteBuffer;

/**
 * One write of the peer and how it must reach the wire, after autobahn's {@code sendData}: a write
 * with a chop size goes out in chops of that size, each a delivery of its own; a {@code sync}
 * write is a delivery of its own; other writes may share a delivery with their neighbours. The
 * bytes are produced lazily so that a 16 MiB frame is never held twice.
 */
final class OutboundWrite {
    private final ByteSource source;
    private final int chopSize;
    private final boolean sync;

    OutboundWrite(ByteSource source, int chopSize, boolean sync) {
        this.source = source;
        this.chopSize = chopSize;
        this.sync = sync;
    }

    static OutboundWrite of(byte[] bytes, int chopSize, boolean sync) {
        return new OutboundWrite(new ArraySource(bytes), chopSize, sync);
    }

    /** Must not share a delivery with other writes. */
    boolean separate() {
        return sync || chopSize > 0;
    }

    int chopSize() {
        return chopSize;
    }

    long remaining() {
        return source.remaining();
    }

    /** Copies up to {@code max} next bytes into {@code into}. */
    void readInto(ByteBuffer into, int max) {
        source.read(into, max);
    }

    /** A producer of bytes, read once from start to end. */
    interface ByteSource {
        long remaining();

        void read(ByteBuffer into, int max);
    }

    static final class ArraySource implements ByteSource {
        private final byte[] bytes;
        private int position;

        ArraySource(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long remaining() {
            return bytes.length - position;
        }

        @Override
        public void read(ByteBuffer into, int max) {
            int count = Math.min(max, Math.min(into.remaining(), bytes.length - position));
            into.put(bytes, position, count);
            position += count;
        }
    }
}
