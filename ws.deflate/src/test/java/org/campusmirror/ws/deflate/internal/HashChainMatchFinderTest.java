package org.campusmirror.ws.deflate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashChainMatchFinderTest {

    /** Fills the finder with {@code data} and enters every position that has 3 bytes into the chains. */
    private static HashChainMatchFinder finderWith(int windowBits, byte[] data, int insertUpTo) {
        HashChainMatchFinder finder = new HashChainMatchFinder(windowBits);
        finder.append(data, 0, data.length);
        for (int position = 0; position < insertUpTo; position++) {
            finder.insert(position);
        }
        return finder;
    }

    @Test
    void findsAMatchExactlyOneWindowBack() {
        byte[] data = Payloads.random(256 + 40, 1);
        System.arraycopy(data, 0, data, 256, 40);
        HashChainMatchFinder finder = finderWith(8, data, 256);

        int candidate = finder.insert(256);
        int length = finder.longestMatch(256, candidate, 2, 40, 128, 258);

        assertEquals(40, length);
        assertEquals(256, finder.matchDistance());
    }

    @Test
    void ignoresAMatchOneByteBeyondTheWindow() {
        byte[] data = Payloads.random(257 + 40, 2);
        System.arraycopy(data, 0, data, 257, 40);
        HashChainMatchFinder finder = finderWith(8, data, 257);

        int candidate = finder.insert(257);
        int length = finder.longestMatch(257, candidate, 2, 40, 128, 258);

        assertEquals(0, length);
    }

    @Test
    void matchStopsAtTheGivenMaximumLength() {
        byte[] data = new byte[600];
        HashChainMatchFinder finder = finderWith(9, data, 1);

        int candidate = finder.insert(1);
        int length = finder.longestMatch(1, candidate, 2, 258, 128, 258);

        assertEquals(258, length);
        assertEquals(1, finder.matchDistance());
    }

    @Test
    void prefersTheLongerOfTwoCandidates() {
        byte[] data = "abcdXabcdefYabcdefg".getBytes(StandardCharsets.US_ASCII);
        HashChainMatchFinder finder = finderWith(9, data, 12);

        int candidate = finder.insert(12);
        int length = finder.longestMatch(12, candidate, 2, data.length - 12, 128, 258);

        assertEquals(6, length);
        assertEquals(7, finder.matchDistance());
    }

    @Test
    void chainsStillFindMatchesAfterSliding() {
        byte[] data = Payloads.random(HashChainMatchFinder.SLACK + 512, 3);
        System.arraycopy(data, data.length - 500, data, data.length - 100, 50);
        // A nearer, shorter copy comes first in the chain, so the walk must follow a link to the longer one.
        System.arraycopy(data, data.length - 500, data, data.length - 300, 10);
        HashChainMatchFinder finder = finderWith(9, data, data.length - 100);
        // Not a multiple of the window size, so chain slots must be found through the offset.
        int shift = data.length - 1024 + 37;

        finder.slide(shift);
        int position = data.length - 100 - shift;
        int candidate = finder.insert(position);
        int length = finder.longestMatch(position, candidate, 2, 50, 128, 258);

        assertEquals(50, length);
        assertEquals(400, finder.matchDistance());
    }
}
