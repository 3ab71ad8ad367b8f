package org.campusmirror.ws.deflate.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Helpers shared by the compressor tests: compress a message, inflate with java.util.zip. */
final class WindowedDeflaterTesting {
    static final byte[] SYNC_FLUSH_TAIL = {0x00, 0x00, (byte) 0xff, (byte) 0xff};

    private WindowedDeflaterTesting() {
    }

    /** Writes one message in one piece, finishes it and returns its whole output, tail included. */
    static byte[] compressMessage(WindowedDeflater deflater, byte[] message) {
        deflater.write(message, 0, message.length);
        deflater.finishMessage();
        return drain(deflater);
    }

    /** Writes one message in pieces of the given size, finishes it and returns its whole output. */
    static byte[] compressMessageInPieces(WindowedDeflater deflater, byte[] message, int pieceSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[1000];
        for (int offset = 0; offset < message.length; offset += pieceSize) {
            deflater.write(message, offset, Math.min(pieceSize, message.length - offset));
            // Draining mid-message exercises the output buffer's reuse.
            int n;
            while ((n = deflater.drainTo(chunk, 0, chunk.length)) > 0) {
                out.write(chunk, 0, n);
            }
        }
        deflater.finishMessage();
        out.writeBytes(drain(deflater));
        return out.toByteArray();
    }

    /** {@code block} written {@code copies} times in a row. */
    static byte[] repeated(byte[] block, int copies) {
        byte[] out = new byte[block.length * copies];
        for (int copy = 0; copy < copies; copy++) {
            System.arraycopy(block, 0, out, copy * block.length, block.length);
        }
        return out;
    }

    /** The message compressed by java.util.zip.Deflater (32 KiB window, raw, sync flush). */
    static byte[] zipDeflate(byte[] message) {
        Deflater zlib = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        byte[] stream = new byte[message.length * 2 + 64];
        try {
            zlib.setInput(message);
            int length = zlib.deflate(stream, 0, stream.length, Deflater.SYNC_FLUSH);
            return Arrays.copyOf(stream, length);
        } finally {
            zlib.end();
        }
    }

    /** Inflates one message's stream with a fresh raw inflater, as without context takeover. */
    static byte[] inflateAlone(byte[] stream, int expectedSize) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        try {
            return inflate(inflater, stream, expectedSize);
        } finally {
            inflater.end();
        }
    }

    static byte[] drain(WindowedDeflater deflater) {
        byte[] out = new byte[deflater.pendingOutput()];
        int drained = deflater.drainTo(out, 0, out.length);
        if (drained != out.length || deflater.pendingOutput() != 0) {
            throw new IllegalStateException("drained " + drained + " of " + out.length);
        }
        return out;
    }

    static boolean endsWithSyncFlushTail(byte[] stream) {
        return stream.length >= 4
                && Arrays.equals(stream, stream.length - 4, stream.length, SYNC_FLUSH_TAIL, 0, 4);
    }

    /** Inflates one message's stream with an inflater that may hold earlier messages' context. */
    static byte[] inflate(Inflater inflater, byte[] stream, int expectedSize) throws DataFormatException {
        inflater.setInput(stream);
        byte[] out = new byte[expectedSize + 1];
        int total = 0;
        while (total < out.length) {
            int n = inflater.inflate(out, total, out.length - total);
            total += n;
            if (n == 0 && (inflater.needsInput() || inflater.finished() || inflater.needsDictionary())) {
                break;
            }
        }
        if (inflater.getRemaining() != 0) {
            throw new IllegalStateException(inflater.getRemaining() + " input bytes left over");
        }
        return Arrays.copyOf(out, total);
    }
}
