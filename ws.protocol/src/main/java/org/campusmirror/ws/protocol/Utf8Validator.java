package org.campusmirror.ws.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Incremental UTF-8 validation (<a href="https://www.rfc-editor.org/rfc/rfc3629#section-4">RFC 3629
 * section 4</a>) for text messages and close reasons, as
 * <a href="https://www.rfc-editor.org/rfc/rfc6455#section-8.1">RFC 6455 section 8.1</a> requires.
 *
 * <p>Bytes may arrive in any number of pieces, split anywhere, even inside a code point. The validator
 * fails at the first byte that no valid continuation could follow: an overlong form, a surrogate, a code
 * point above U+10FFFF or a stray continuation byte is reported on the byte where it becomes certain
 * ("fail fast"), not at the end of the message. A message is valid when every piece was accepted and
 * {@link #isComplete()} holds at its end.
 *
 * <p>Runs of ASCII are checked eight bytes at a time; other bytes go through a shift-based DFA with one
 * table lookup per byte. One instance per connection; not thread-safe.
 */
public final class Utf8Validator {
    // DFA states are shift amounts into a per-byte 64-bit transition row (six bits per state).
    private static final int ACCEPT = 0;
    private static final int REJECT = 6;
    private static final int NEED_1 = 12;
    private static final int NEED_2 = 18;
    private static final int NEED_3 = 24;
    private static final int AFTER_E0 = 30;
    private static final int AFTER_ED = 36;
    private static final int AFTER_F0 = 42;
    private static final int AFTER_F4 = 48;
    private static final long[] TRANSITIONS = buildTransitions();

    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final VarHandle ARRAY_LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BUFFER_LONGS =
            MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private int state = ACCEPT;

    /** Forgets everything fed so far, ready for the next message. */
    public void reset() {
        state = ACCEPT;
    }

    /**
     * Checks the next bytes of the text, those between {@code bytes}' position and limit (neither moves).
     *
     * @return false once the text seen so far can no longer be valid UTF-8; it stays false until {@link #reset()}
     */
    public boolean feed(ByteBuffer bytes) {
        if (state == REJECT) {
            return false;
        }
        int from = bytes.position();
        int to = bytes.limit();
        if (bytes.hasArray()) {
            int base = bytes.arrayOffset();
            state = run(bytes.array(), base + from, base + to, state);
        } else {
            state = run(bytes, from, to, state);
        }
        return state != REJECT;
    }

    /** Checks {@code array[from, to)} as the next bytes of the text. */
    public boolean feed(byte[] array, int from, int to) {
        if (state != REJECT) {
            state = run(array, from, to, state);
        }
        return state != REJECT;
    }

    /** True when the bytes fed so far end on a code point boundary (and none was invalid). */
    public boolean isComplete() {
        return state == ACCEPT;
    }

    /** True once an invalid byte has been seen. */
    public boolean hasFailed() {
        return state == REJECT;
    }

    /** The position in the DFA, to try bytes and {@link #restore} if they are refused. */
    int save() {
        return state;
    }

    void restore(int saved) {
        state = saved;
    }

    /** Whether the bytes between position and limit are one complete, valid UTF-8 text. */
    public static boolean isValid(ByteBuffer bytes) {
        Utf8Validator validator = new Utf8Validator();
        return validator.feed(bytes) && validator.isComplete();
    }

    private static int run(byte[] a, int i, int to, int s) {
        while (i < to) {
            if (s == ACCEPT) {
                // ASCII fast path: 32, then 8 bytes per step while no high bit is set.
                while (i + 32 <= to && (((long) ARRAY_LONGS.get(a, i) | (long) ARRAY_LONGS.get(a, i + 8)
                        | (long) ARRAY_LONGS.get(a, i + 16) | (long) ARRAY_LONGS.get(a, i + 24)) & HIGH_BITS) == 0) {
                    i += 32;
                }
                while (i + 8 <= to && ((long) ARRAY_LONGS.get(a, i) & HIGH_BITS) == 0) {
                    i += 8;
                }
                if (i == to) {
                    break;
                }
            }
            // Byte by byte for a while, then back to the ASCII check. The state's upper bits are left as they
            // are: a long shift only uses the low six bits of its count, which keeps the per-byte dependency
            // chain at one shift (Per Vognsen's shift-based DFA); they are cleared once per block.
            int stop = Math.min(to, i + 16);
            do {
                s = (int) (TRANSITIONS[a[i++] & 0xFF] >>> s);
            } while (i < stop);
            s &= 63;
            if (s == REJECT) {
                return REJECT;
            }
        }
        return s;
    }

    private static int run(ByteBuffer b, int i, int to, int s) {
        while (i < to) {
            if (s == ACCEPT) {
                while (i + 32 <= to && (((long) BUFFER_LONGS.get(b, i) | (long) BUFFER_LONGS.get(b, i + 8)
                        | (long) BUFFER_LONGS.get(b, i + 16) | (long) BUFFER_LONGS.get(b, i + 24)) & HIGH_BITS) == 0) {
                    i += 32;
                }
                while (i + 8 <= to && ((long) BUFFER_LONGS.get(b, i) & HIGH_BITS) == 0) {
                    i += 8;
                }
                if (i == to) {
                    break;
                }
            }
            int stop = Math.min(to, i + 16);
            do {
                s = (int) (TRANSITIONS[b.get(i++) & 0xFF] >>> s);
            } while (i < stop);
            s &= 63;
            if (s == REJECT) {
                return REJECT;
            }
        }
        return s;
    }

    /** One 64-bit row per byte value; bits [s, s+6) hold the next state when the current state is s. */
    private static long[] buildTransitions() {
        long[] rows = new long[256];
        int[] states = {ACCEPT, REJECT, NEED_1, NEED_2, NEED_3, AFTER_E0, AFTER_ED, AFTER_F0, AFTER_F4};
        for (int b = 0; b < 256; b++) {
            long row = 0;
            for (int s : states) {
                row |= (long) next(s, b) << s;
            }
            rows[b] = row;
        }
        return rows;
    }

    private static int next(int s, int b) {
        boolean continuation = b >= 0x80 && b <= 0xBF;
        switch (s) {
            case ACCEPT:
                if (b < 0x80) {
                    return ACCEPT;
                } else if (b >= 0xC2 && b <= 0xDF) {
                    return NEED_1;
                } else if (b == 0xE0) {
                    return AFTER_E0;
                } else if (b == 0xED) {
                    return AFTER_ED;
                } else if (b >= 0xE1 && b <= 0xEF) {
                    return NEED_2;
                } else if (b == 0xF0) {
                    return AFTER_F0;
                } else if (b >= 0xF1 && b <= 0xF3) {
                    return NEED_3;
                } else if (b == 0xF4) {
                    return AFTER_F4;
                }
                return REJECT;
            case NEED_1:
                return continuation ? ACCEPT : REJECT;
            case NEED_2:
                return continuation ? NEED_1 : REJECT;
            case NEED_3:
                return continuation ? NEED_2 : REJECT;
            case AFTER_E0: // no overlong three-byte forms
                return b >= 0xA0 && b <= 0xBF ? NEED_1 : REJECT;
            case AFTER_ED: // no UTF-16 surrogates
                return b >= 0x80 && b <= 0x9F ? NEED_1 : REJECT;
            case AFTER_F0: // no overlong four-byte forms
                return b >= 0x90 && b <= 0xBF ? NEED_2 : REJECT;
            case AFTER_F4: // nothing above U+10FFFF
                return b >= 0x80 && b <= 0x8F ? NEED_2 : REJECT;
            default:
                return REJECT;
        }
    }
}
