package org.campusmirror.ws.deflate.internal;

import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Where permessage-deflate gets its native zlib streams: raw DEFLATE (no zlib header, RFC 7692 section 7.2).
 * Every stream obtained here must end with {@code end()}, which frees its native memory at once instead of
 * whenever the garbage collector runs the cleaner. Tests substitute a counting source.
 */
public interface ZlibStreams {

    /** A raw-DEFLATE compressor with a 32 KiB window at the given level. */
    Deflater newDeflater(int level);

    /** A raw-DEFLATE decompressor; it reads streams made with any window size. */
    Inflater newInflater();

    /** The JDK's streams, unchanged. */
    ZlibStreams JDK = new ZlibStreams() {
        @Override
        public Deflater newDeflater(int level) {
            return new Deflater(level, true);
        }

        @Override
        public Inflater newInflater() {
            return new Inflater(true);
        }
    };
}
