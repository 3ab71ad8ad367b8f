package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8ValidatorTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "",
        "48656c6c6f", // Hello
        "48656c6c6f2dc2b540c39fc3b6c3a4c3bcc3a0c3a12d5554462d382121", // Autobahn 6.2.1: Hello-µ@ßöäüàá-UTF-8!!
        "cebae1bdb9cf83cebcceb5", // κόσμε (Autobahn 6.5.1)
        "00", "7f", "c280", "dfbf", "e0a080", "efbfbf", "f0908080", "f48fbfbf", // first/last of each length (6.7, 6.9)
        "ed9fbf", "ee8080", "efbfbd", // around the surrogates, U+FFFD (6.11, 6.23)
        "efbfbe", "f09fbfbf", "f48fbfbe", // non-characters are valid UTF-8 (6.22)
    })
    void acceptsValidText(String hex) {
        assertTrue(Utf8Validator.isValid(Hex.buffer(hex)));
    }

    /** Each invalid input with the index of the first byte after which no valid text can follow (fail fast, 6.4). */
    @ParameterizedTest(name = "{0} fails at byte {1}")
    @CsvSource({
        "cebae1bdb9cf83cebcceb5eda080656469746564, 12", // 6.3.1: surrogate inside κόσμε
        "80, 0",             // 6.12: lone continuation byte
        "bf, 0",
        "c0af, 0",           // 6.17: overlong '/' (C0 never starts a valid sequence)
        "c1bf, 0",           // 6.18
        "e080af, 1",         // 6.17: overlong three-byte form
        "f08080af, 1",       // 6.17: overlong four-byte form
        "f4908080, 1",       // 6.8/6.10: above U+10FFFF
        "f5, 0", "f8888080af, 0", "fc84808080af, 0", // 6.8: five and six byte forms
        "fe, 0", "ff, 0",    // 6.16: impossible bytes
        "eda080, 1",         // 6.20: single surrogate U+D800
        "edbfbf, 1",         // 6.20: U+DFFF
        "eda080edb080, 1",   // 6.21: paired surrogates
        "c220, 1",           // 6.13: lonely start byte followed by space
        "e08020, 1",
        "48656c6c6fc0, 5",   // ASCII then a byte that can never start a sequence
    })
    void failsAtTheFirstImpossibleByte(String hex, int failingIndex) {
        byte[] bytes = Hex.bytes(hex);
        assertEquals(failingIndex, firstFailingIndex(bytes));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"c2", "e0a0", "f09080", "cebae1bdb9cf83cebcce"}) // 6.14 / 6.6: truncated sequences
    void truncatedSequenceIsNotCompleteButNotFailed(String hex) {
        Utf8Validator validator = new Utf8Validator();
        assertTrue(validator.feed(Hex.buffer(hex)));
        assertFalse(validator.isComplete());
        assertFalse(validator.hasFailed());
    }

    @Test
    void everySplitOfMixedTextIsAccepted() {
        byte[] text = "Grüße, κόσμε, 日本語, 🎉 and plain ASCII!".getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= text.length; cut++) {
            Utf8Validator validator = new Utf8Validator();
            assertTrue(validator.feed(ByteBuffer.wrap(text, 0, cut)), "first part up to " + cut);
            assertTrue(validator.feed(ByteBuffer.wrap(text, cut, text.length - cut)), "second part from " + cut);
            assertTrue(validator.isComplete(), "complete after split at " + cut);
        }
    }

    @Test
    void badByteAnywhereInALongAsciiRunIsFound() {
        for (int position = 0; position < 300; position++) {
            byte[] text = new byte[300];
            Arrays.fill(text, (byte) 'a');
            text[position] = (byte) 0x80;
            assertFalse(Utf8Validator.isValid(ByteBuffer.wrap(text)), "0x80 at " + position);
            ByteBuffer direct = ByteBuffer.allocateDirect(300).put(text).flip();
            assertFalse(Utf8Validator.isValid(direct), "direct, 0x80 at " + position);
        }
    }

    @Test
    void directBufferWithMixedTextIsAccepted() {
        byte[] text = "abcdefghijklmnopqrstuvwxyzäöü€𝄞abcdefghijklmnopqrstuvwxyz".repeat(20).getBytes(StandardCharsets.UTF_8);
        ByteBuffer direct = ByteBuffer.allocateDirect(text.length).put(text).flip();
        assertTrue(Utf8Validator.isValid(direct));
    }

    @Test
    void feedingDoesNotMovePositionOrLimit() {
        ByteBuffer buffer = Hex.buffer("00 41 42 43 00");
        buffer.position(1).limit(4);
        new Utf8Validator().feed(buffer);
        assertEquals(1, buffer.position());
        assertEquals(4, buffer.limit());
    }

    @Test
    void failureStaysUntilReset() {
        Utf8Validator validator = new Utf8Validator();
        assertFalse(validator.feed(Hex.buffer("ff")));
        assertFalse(validator.feed(Hex.buffer("41")));
        validator.reset();
        assertTrue(validator.feed(Hex.buffer("41")));
        assertTrue(validator.isComplete());
    }

    /** Feeds one byte at a time and returns the index of the byte that made the validator fail, or -1. */
    static int firstFailingIndex(byte[] bytes) {
        Utf8Validator validator = new Utf8Validator();
        for (int i = 0; i < bytes.length; i++) {
            if (!validator.feed(ByteBuffer.wrap(bytes, i, 1))) {
                return i;
            }
        }
        return -1;
    }
}
