package org.campusmirror.ws.deflate;

import java.util.OptionalInt;
import java.util.zip.Deflater;

/**
 * Every setting of {@link PerMessageDeflate}, with the defaults of the Node.js {@code ws} library
 * (<a href="https://www.rfc-editor.org/rfc/rfc7692#section-7.1">RFC 7692 section 7.1</a> for the four
 * negotiation parameters). Build with {@link #builder()}; {@link #DEFAULTS} is the all-default set.
 *
 * <p>The negotiation settings mean, per role:
 * <table>
 * <caption>What each negotiation setting does</caption>
 * <tr><th>setting</th><th>server</th><th>client</th></tr>
 * <tr><td>{@code serverNoContextTakeover}</td><td>answer with {@code server_no_context_takeover} even when the
 *     client did not offer it (RFC 7692 7.1.1.1 allows it): every message is compressed on its own, so one
 *     compressed frame suits every connection (broadcast) and no compressor is kept per connection. When
 *     false it is still honoured whenever the client offers it.</td>
 *     <td>offer {@code server_no_context_takeover}; the server must then accept it.</td></tr>
 * <tr><td>{@code clientNoContextTakeover}</td><td>answer with {@code client_no_context_takeover}: the client
 *     must compress each message on its own (RFC 7692 7.1.1.2). An offered one is echoed either way.</td>
 *     <td>offer {@code client_no_context_takeover} and compress each message on its own.</td></tr>
 * <tr><td>{@code serverMaxWindowBits}</td><td>answer with {@code server_max_window_bits} = the smaller of
 *     this and the offered value (RFC 7692 7.1.2.1: the server may name it even if not offered).</td>
 *     <td>offer {@code server_max_window_bits} with this value; the answer must not exceed it.</td></tr>
 * <tr><td>{@code clientMaxWindowBits}</td><td>answer with {@code client_max_window_bits} = the smaller of this
 *     and the offered value, when the client offered the parameter (never otherwise: RFC 7692 7.1.2.2).</td>
 *     <td>offer {@code client_max_window_bits} with this value (unset: offered without a value, "I support
 *     it"); our compressor never uses a larger window.</td></tr>
 * </table>
 *
 * <p>Window bits are 8..15 and mean a window of 2^bits bytes, literally, as RFC 7692 section 7.1.2 defines it,
 * 8 included (256 bytes; zlib would silently use 9). Our compressor honours any of them (see the package
 * documentation); our decompressor accepts any window.
 *
 * @param serverNoContextTakeover see the table; default false
 * @param clientNoContextTakeover see the table; default false
 * @param serverMaxWindowBits     see the table; default unset
 * @param clientMaxWindowBits     see the table; default unset
 * @param compressionLevel        zlib level 0..9, or -1 for zlib's default (6); default -1, as in {@code ws}
 * @param memLevel                zlib's memLevel 1..9, default 8. {@code java.util.zip.Deflater} has no way to
 *                                set it and always runs at 8; it sizes the hash table of the compressor used
 *                                for windows below 15 bits (2^(memLevel+7) entries at most, as in zlib)
 * @param threshold               messages shorter than this many bytes are sent uncompressed; default 1024
 * @param concurrencyLimit        how many messages may be compressed at the same time by all connections of
 *                                one {@link PerMessageDeflate}; a message that finds no free slot is sent
 *                                uncompressed rather than waiting (an NIO thread must not block). It also
 *                                bounds the shared pool of zlib compressors used without context takeover;
 *                                default 10, as in {@code ws}
 */
public record PerMessageDeflateOptions(
        boolean serverNoContextTakeover,
        boolean clientNoContextTakeover,
        OptionalInt serverMaxWindowBits,
        OptionalInt clientMaxWindowBits,
        int compressionLevel,
        int memLevel,
        int threshold,
        int concurrencyLimit) {

    /** The smallest window RFC 7692 allows: 2^8 bytes. */
    public static final int MIN_WINDOW_BITS = 8;
    /** The largest window, and the default: 2^15 = 32 KiB. */
    public static final int MAX_WINDOW_BITS = 15;

    /** All defaults: no parameters requested, level -1, memLevel 8, threshold 1024, concurrency 10. */
    public static final PerMessageDeflateOptions DEFAULTS = builder().build();

    public PerMessageDeflateOptions {
        requireWindowBits("serverMaxWindowBits", serverMaxWindowBits);
        requireWindowBits("clientMaxWindowBits", clientMaxWindowBits);
        if (compressionLevel != Deflater.DEFAULT_COMPRESSION
                && (compressionLevel < Deflater.NO_COMPRESSION || compressionLevel > Deflater.BEST_COMPRESSION)) {
            throw new IllegalArgumentException("compressionLevel must be -1 or 0..9, was " + compressionLevel);
        }
        if (memLevel < 1 || memLevel > 9) {
            throw new IllegalArgumentException("memLevel must be 1..9, was " + memLevel);
        }
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold must not be negative, was " + threshold);
        }
        if (concurrencyLimit < 1) {
            throw new IllegalArgumentException("concurrencyLimit must be at least 1, was " + concurrencyLimit);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.serverNoContextTakeover = serverNoContextTakeover;
        b.clientNoContextTakeover = clientNoContextTakeover;
        b.serverMaxWindowBits = serverMaxWindowBits;
        b.clientMaxWindowBits = clientMaxWindowBits;
        b.compressionLevel = compressionLevel;
        b.memLevel = memLevel;
        b.threshold = threshold;
        b.concurrencyLimit = concurrencyLimit;
        return b;
    }

    private static void requireWindowBits(String name, OptionalInt bits) {
        if (bits == null) {
            throw new IllegalArgumentException(name + " must be an OptionalInt, not null");
        }
        if (bits.isPresent() && (bits.getAsInt() < MIN_WINDOW_BITS || bits.getAsInt() > MAX_WINDOW_BITS)) {
            throw new IllegalArgumentException(name + " must be " + MIN_WINDOW_BITS + ".." + MAX_WINDOW_BITS
                    + ", was " + bits.getAsInt());
        }
    }

    /** Builds {@link PerMessageDeflateOptions}; starts from the defaults. */
    public static final class Builder {
        private boolean serverNoContextTakeover;
        private boolean clientNoContextTakeover;
        private OptionalInt serverMaxWindowBits = OptionalInt.empty();
        private OptionalInt clientMaxWindowBits = OptionalInt.empty();
        private int compressionLevel = Deflater.DEFAULT_COMPRESSION;
        private int memLevel = 8;
        private int threshold = 1024;
        private int concurrencyLimit = 10;

        private Builder() {
        }

        public Builder serverNoContextTakeover(boolean value) {
            this.serverNoContextTakeover = value;
            return this;
        }

        public Builder clientNoContextTakeover(boolean value) {
            this.clientNoContextTakeover = value;
            return this;
        }

        /** 8..15. */
        public Builder serverMaxWindowBits(int bits) {
            this.serverMaxWindowBits = OptionalInt.of(bits);
            return this;
        }

        /** 8..15. */
        public Builder clientMaxWindowBits(int bits) {
            this.clientMaxWindowBits = OptionalInt.of(bits);
            return this;
        }

        /**
         * Settings for a server endpoint that broadcasts: asks every client for
         * {@code server_no_context_takeover}, so {@link PerMessageDeflate#encodeShared} can compress a message
         * once for all of them.
         */
        public Builder forBroadcast() {
            return serverNoContextTakeover(true);
        }

        public Builder compressionLevel(int level) {
            this.compressionLevel = level;
            return this;
        }

        public Builder memLevel(int level) {
            this.memLevel = level;
            return this;
        }

        public Builder threshold(int bytes) {
            this.threshold = bytes;
            return this;
        }

        public Builder concurrencyLimit(int limit) {
            this.concurrencyLimit = limit;
            return this;
        }

        public PerMessageDeflateOptions build() {
            return new PerMessageDeflateOptions(serverNoContextTakeover, clientNoContextTakeover, serverMaxWindowBits,
                    clientMaxWindowBits, compressionLevel, memLevel, threshold, concurrencyLimit);
        }
    }
}
