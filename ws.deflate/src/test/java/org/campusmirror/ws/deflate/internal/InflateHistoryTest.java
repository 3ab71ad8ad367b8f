package org.campusmirror.ws.deflate.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The history kept for restarting after a BFINAL block: always the latest bytes, at most the window. */
class InflateHistoryTest {

    @Test
    void keepsEverythingBelowTheWindow() {
        InflateHistory history = new InflateHistory(512);
        history.append(new byte[] {1, 2, 3}, 0, 3);
        history.append(new byte[] {4, 5}, 0, 2);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, history.contents());
    }

    @Test
    void clearForgetsEverything() {
        InflateHistory history = new InflateHistory(512);
        history.append(new byte[100], 0, 100);
        history.clear();
        assertEquals(0, history.contents().length);
    }

    @Property(tries = 200)
    void holdsTheLatestBytesUpToTheWindow(@ForAll @IntRange(min = 8, max = 15) int windowBits,
            @ForAll @Size(max = 20) int[] pieceSizes, @ForAll long seed) {
        int window = 1 << windowBits;
        InflateHistory history = new InflateHistory(window);
        byte[] all = new byte[0];
        Random random = new Random(seed);
        for (int size : pieceSizes) {
            byte[] piece = new byte[Math.floorMod(size, 3 * window)];
            random.nextBytes(piece);
            history.append(piece, 0, piece.length);
            all = concat(all, piece);
        }
        byte[] expected = Arrays.copyOfRange(all, Math.max(0, all.length - window), all.length);
        assertArrayEquals(expected, history.contents());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
