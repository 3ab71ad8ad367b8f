package org.campusmirror.ws.deflate;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import org.campusmirror.ws.deflate.internal.ZlibStreams;

/**
 * JDK zlib streams that count themselves: how many are alive (created and not yet ended) and how many bytes
 * the inflaters produced. A stream that is never ended stays counted, whatever the garbage collector does.
 */
final class CountingZlibStreams implements ZlibStreams {
    private final AtomicInteger liveDeflaters = new AtomicInteger();
    private final AtomicInteger liveInflaters = new AtomicInteger();
    private final AtomicInteger createdDeflaters = new AtomicInteger();
    private final AtomicInteger createdInflaters = new AtomicInteger();
    private final AtomicLong inflatedBytes = new AtomicLong();

    @Override
    public Deflater newDeflater(int level) {
        liveDeflaters.incrementAndGet();
        createdDeflaters.incrementAndGet();
        return new Deflater(level, true) {
            private boolean ended;

            @Override
            public void end() {
                if (!ended) {
                    ended = true;
                    liveDeflaters.decrementAndGet();
                }
                super.end();
            }
        };
    }

    @Override
    public Inflater newInflater() {
        liveInflaters.incrementAndGet();
        createdInflaters.incrementAndGet();
        return new Inflater(true) {
            private boolean ended;
            private long counted;

            @Override
            public void reset() {
                count();
                counted = 0;
                super.reset();
            }

            @Override
            public void end() {
                if (!ended) {
                    count();
                    ended = true;
                    liveInflaters.decrementAndGet();
                }
                super.end();
            }

            private void count() {
                if (!ended) {
                    long written = getBytesWritten();
                    inflatedBytes.addAndGet(written - counted);
                    counted = written;
                }
            }
        };
    }

    int liveDeflaters() {
        return liveDeflaters.get();
    }

    int liveInflaters() {
        return liveInflaters.get();
    }

    int createdDeflaters() {
        return createdDeflaters.get();
    }

    int createdInflaters() {
        return createdInflaters.get();
    }

    /** Bytes produced by inflaters that were reset or ended since creation. */
    long inflatedBytes() {
        return inflatedBytes.get();
    }
}
