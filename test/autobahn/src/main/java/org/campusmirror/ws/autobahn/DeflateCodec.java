package org.campusmirror.ws.autobahn;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The peer's own permessage-deflate compression (RFC 7692 section 7.2) with {@code java.util.zip}.
 * Sending: raw deflate, {@code SYNC_FLUSH}, the trailing {@code 00 00 ff ff} removed (7.2.1).
 * Receiving: the tail appended before the last inflate (7.2.2). With no context takeover the
 * compressor or decompressor is reset per message. A window below 15 bits is honoured by
 * compressing pieces of at most 2^bits bytes with {@code FULL_FLUSH} in between (see README).
 */
final class DeflateCodec implements AutoCloseable {
    private static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};

    private final Deflater deflater;
    private final Inflater inflater = new Inflater(true);
    private final boolean sendNoContextTakeover;
    private final int sendWindowBits;
    private final boolean receiveNoContextTakeover;
    private final byte[] chunk = new byte[64 * 1024];

    DeflateCodec(DeflateNegotiation.Parameters parameters, boolean peerIsServer, int compressionLevel) {
        this.deflater = new Deflater(compressionLevel, true);
        this.sendNoContextTakeover = parameters.noContextTakeover(peerIsServer);
        this.sendWindowBits = parameters.windowBits(peerIsServer);
        this.receiveNoContextTakeover = parameters.noContextTakeover(!peerIsServer);
    }

    /** The compressed payload of one message. */
    byte[] compress(byte[] message) {
        if (sendNoContextTakeover) {
            deflater.reset();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length / 2 + 64);
        if (sendWindowBits >= 15) {
            deflater.setInput(message);
            drain(out, Deflater.SYNC_FLUSH);
        } else {
            int piece = 1 << sendWindowBits;
            for (int from = 0; from < message.length; from += piece) {
                deflater.setInput(message, from, Math.min(piece, message.length - from));
                drain(out, Deflater.FULL_FLUSH);
            }
            if (message.length == 0) {
                deflater.setInput(message);
                drain(out, Deflater.FULL_FLUSH);
            }
        }
        byte[] compressed = out.toByteArray();
        int length = compressed.length;
        if (length >= 4 && compressed[length - 4] == 0 && compressed[length - 3] == 0
                && compressed[length - 2] == (byte) 0xFF && compressed[length - 1] == (byte) 0xFF) {
            length -= 4;
        }
        return java.util.Arrays.copyOf(compressed, length);
    }

    private void drain(ByteArrayOutputStream out, int flush) {
        int count;
        do {
            count = deflater.deflate(chunk, 0, chunk.length, flush);
            out.write(chunk, 0, count);
        } while (count == chunk.length);
    }

    /** Starts inflating a new message. */
    void startMessage() {
        // a sender may end a message with BFINAL set; the next message then starts a new stream
        if (receiveNoContextTakeover || inflater.finished()) {
            inflater.reset();
        }
    }

    /** Inflates a piece of a compressed message into {@code sink}. */
    void inflate(ByteBuffer compressed, Sink sink) throws DataFormatException {
        inflater.setInput(compressed);
        pump(sink);
    }

    /** Ends the message: inflates the 00 00 ff ff tail. */
    void endMessage(Sink sink) throws DataFormatException {
        inflater.setInput(TAIL);
        pump(sink);
    }

    private void pump(Sink sink) throws DataFormatException {
        while (true) {
            int count = inflater.inflate(chunk);
            if (count > 0) {
                sink.accept(chunk, count);
                continue;
            }
            if (inflater.needsInput() || inflater.finished()) {
                return;
            }
            if (inflater.needsDictionary()) {
                throw new DataFormatException("inflater needs a dictionary");
            }
        }
    }

    @Override
    public void close() {
        deflater.end();
        inflater.end();
    }

    /** Receives inflated bytes; the array is reused after the call. */
    @FunctionalInterface
    interface Sink {
        void accept(byte[] bytes, int length) throws DataFormatException;
    }
}
