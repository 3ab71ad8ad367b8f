package org.campusmirror.mirror.runtime.internal.json;

import java.io.IOException;
import java.io.Writer;

/** A string writer that refuses to grow beyond a number of characters: the guard against huge view models. */
final class BoundedWriter extends Writer {
    /** Thrown by a write that would pass the bound. */
    static final class FullException extends IOException {
        private static final long serialVersionUID = 1L;

        FullException(int max) {
            super("more than " + max + " characters");
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final int max;

    BoundedWriter(int max) {
        this.max = max;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        if (length > max - text.length()) {
            throw new FullException(max);
        }
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) throws IOException {
        if (length > max - text.length()) {
            throw new FullException(max);
        }
        text.append(string, offset, offset + length);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
