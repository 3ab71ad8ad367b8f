package org.campusmirror.ws.autobahn;

import java.nio.ByteBuffer;

/**
 * Incremental UTF-8 validation after RFC 3629 section 4 (the table the suite's validator encodes):
 * no overlong forms, no surrogates, nothing above U+10FFFF. Stops at the first invalid byte.
 */
final class Utf8Validator {
    private int pending;
    private int lower = 0x80;
    private int upper = 0xBF;
    private boolean failed;

    /** Feeds bytes; false once any byte so far was invalid. Does not move the buffer's position. */
    boolean feed(ByteBuffer bytes) {
        for (int i = bytes.position(); i < bytes.limit() && !failed; i++) {
            step(bytes.get(i) & 0xFF);
        }
        return !failed;
    }

    boolean feed(byte[] bytes) {
        return feed(ByteBuffer.wrap(bytes));
    }

    /** True when no byte was invalid and no sequence is left open. */
    boolean complete() {
        return !failed && pending == 0;
    }

    boolean failed() {
        return failed;
    }

    void reset() {
        pending = 0;
        lower = 0x80;
        upper = 0xBF;
        failed = false;
    }

    /** Whole-buffer check, for close reasons. */
    static boolean isValid(byte[] bytes) {
        Utf8Validator validator = new Utf8Validator();
        return validator.feed(bytes) && validator.complete();
    }

    private void step(int b) {
        if (pending > 0) {
            if (b < lower || b > upper) {
                failed = true;
                return;
            }
            pending--;
            lower = 0x80;
            upper = 0xBF;
            return;
        }
        if (b < 0x80) {
            return;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            expect(1, 0x80, 0xBF);
        } else if (b == 0xE0) {
            expect(2, 0xA0, 0xBF);
        } else if (b >= 0xE1 && b <= 0xEC || b == 0xEE || b == 0xEF) {
            expect(2, 0x80, 0xBF);
        } else if (b == 0xED) {
            expect(2, 0x80, 0x9F); // no UTF-16 surrogates
        } else if (b == 0xF0) {
            expect(3, 0x90, 0xBF);
        } else if (b >= 0xF1 && b <= 0xF3) {
            expect(3, 0x80, 0xBF);
        } else if (b == 0xF4) {
            expect(3, 0x80, 0x8F); // nothing above U+10FFFF
        } else {
            failed = true;
        }
    }

    private void expect(int continuation, int firstLower, int firstUpper) {
        pending = continuation;
        lower = firstLower;
        upper = firstUpper;
    }
}
