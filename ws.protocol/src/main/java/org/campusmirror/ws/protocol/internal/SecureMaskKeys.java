package org.campusmirror.ws.protocol.internal;

import java.nio.ByteBuffer;
import java.security.SecureRandom;

import org.campusmirror.ws.protocol.MaskKeyGenerator;

/**
 * Masking keys from a strong random source (RFC 6455 section 10.3), drawn 1024 at a time like the
 * {@code ws} library's pooled {@code randomFillSync}, so sending a frame does not cost a SecureRandom call.
 */
public final class SecureMaskKeys implements MaskKeyGenerator {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BATCH = 1024;

    private final ByteBuffer pool = ByteBuffer.allocate(BATCH * Integer.BYTES);

    public SecureMaskKeys() {
        pool.position(pool.limit());
    }

    @Override
    public int nextMaskKey() {
        if (!pool.hasRemaining()) {
            RANDOM.nextBytes(pool.array());
            pool.clear();
        }
        return pool.getInt();
    }
}
