package org.campusmirror.ws.deflate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;

/** The concurrency limit: at most {@code limit} slots, reused, never waited for. */
class CompressionPoolTest {

    @Test
    void noMoreThanTheLimitAtOnceAndNoWaiting() {
        CompressionPool pool = new CompressionPool(2, Deflater.DEFAULT_COMPRESSION, ZlibStreams.JDK);
        CompressionPool.Slot a = pool.tryAcquire();
        CompressionPool.Slot b = pool.tryAcquire();
        assertNotNull(a);
        assertNotNull(b);
        assertNull(pool.tryAcquire());
        assertEquals(2, pool.inUse());
        pool.release(a);
        assertSame(a, pool.tryAcquire());
        pool.release(a);
        pool.release(b);
        pool.close();
    }

    @Test
    void releasedDeflaterIsResetForTheNextMessage() {
        CompressionPool pool = new CompressionPool(1, Deflater.DEFAULT_COMPRESSION, ZlibStreams.JDK);
        CompressionPool.Slot slot = pool.tryAcquire();
        Deflater deflater = slot.deflater();
        deflater.setInput(new byte[100]);
        deflater.deflate(new byte[200], 0, 200, Deflater.SYNC_FLUSH);
        pool.release(slot);
        assertEquals(0, deflater.getBytesRead());
        pool.close();
    }

    @Test
    void closeEndsIdleDeflatersAndThoseReleasedLater() {
        CompressionPool pool = new CompressionPool(2, Deflater.DEFAULT_COMPRESSION, ZlibStreams.JDK);
        CompressionPool.Slot idle = pool.tryAcquire();
        Deflater idleDeflater = idle.deflater();
        pool.release(idle);
        CompressionPool.Slot busy = pool.tryAcquire();
        assertSame(idle, busy);
        CompressionPool.Slot other = pool.tryAcquire();
        Deflater otherDeflater = other.deflater();
        pool.release(busy);
        pool.close();
        assertThrows(NullPointerException.class, () -> idleDeflater.deflate(new byte[10]));
        pool.release(other);
        assertThrows(NullPointerException.class, () -> otherDeflater.deflate(new byte[10]));
    }

    @Test
    void limitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CompressionPool(0, 6, ZlibStreams.JDK));
    }
}
