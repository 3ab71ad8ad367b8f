package org.campusmirror.mirror.widgets.timetable;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with an IOException once more than {@code limit} bytes were read, so a growing file cannot fill the heap. */
final class BoundedInputStream extends FilterInputStream {
    private final long limit;
    private final String label;
    private long count;

    BoundedInputStream(InputStream in, long limit, String label) {
        super(in);
        this.limit = limit;
        this.label = label;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        count += n;
        if (count > limit) {
            throw new IOException(label + " is larger than the limit of " + limit + " bytes");
        }
    }
}
