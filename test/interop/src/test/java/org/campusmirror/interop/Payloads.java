package org.campusmirror.interop;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** Messages for the tests, made on demand, and their SHA-256 (large messages are compared by hash). */
final class Payloads {
    private static final String PHRASE = "Mensa today: pasta with tomato sauce, salad bar, apple strudel. ";

    private Payloads() {
    }

    /** Incompressible bytes, the same for the same seed. */
    static byte[] random(int bytes, long seed) {
        byte[] data = new byte[bytes];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** ASCII text that compresses well: one phrase over and over. */
    static String repeatedText(int bytes) {
        return PHRASE.repeat(bytes / PHRASE.length() + 1).substring(0, bytes);
    }

    /** Random ASCII letters and digits: compresses only a little (about 6 bits a byte). */
    static String letters(int bytes, long seed) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(bytes);
        for (int i = 0; i < bytes; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /**
     * A random 3000-byte block of letters repeated: its only long matches lie 3000 bytes back, so a compressor
     * whose window is 2 KiB (11 bits) or less cannot use them and one of 4 KiB (12 bits) or more shrinks the
     * message to about one block.
     */
    static String blocks(int bytes, long seed) {
        String block = letters(3000, seed);
        return block.repeat(bytes / block.length() + 1).substring(0, bytes);
    }

    static String sha256(ByteBuffer data) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data.duplicate());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String sha256(byte[] data) {
        return sha256(ByteBuffer.wrap(data));
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String hex(byte[] data) {
        return HexFormat.of().formatHex(data);
    }

    static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
