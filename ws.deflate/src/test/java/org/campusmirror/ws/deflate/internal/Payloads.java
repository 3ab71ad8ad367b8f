package org.campusmirror.ws.deflate.internal;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Deterministic test payloads of the kinds permessage-deflate meets: text, JSON, binary, noise. */
final class Payloads {
    private static final String[] WORDS = {
        "the", "mirror", "shows", "canteen", "menu", "timetable", "lecture", "room", "departure", "bus",
        "weather", "news", "of", "and", "to", "a", "student", "staff", "campus", "library", "opens", "at",
        "closes", "today", "tomorrow", "exam", "hall", "building", "floor", "seminar", "Hochschule", "in",
    };

    private Payloads() {
    }

    /** English-like prose from a small vocabulary, with punctuation and line breaks. */
    static byte[] text(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(size + 32);
        int sentence = 0;
        while (out.length() < size) {
            String word = WORDS[random.nextInt(WORDS.length)];
            out.append(sentence == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            sentence++;
            if (sentence > 6 + random.nextInt(10)) {
                out.append(random.nextInt(5) == 0 ? ".\n" : ". ");
                sentence = 0;
            } else {
                out.append(' ');
            }
        }
        return out.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    /** A JSON array of widget view models, as the mirror pushes to its displays. */
    static byte[] json(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(size + 256).append('[');
        int id = 0;
        while (out.length() < size) {
            out.append("{\"id\":").append(id++)
                    .append(",\"kind\":\"").append(WORDS[random.nextInt(WORDS.length)])
                    .append("\",\"title\":\"").append(WORDS[random.nextInt(WORDS.length)]).append(' ')
                    .append(WORDS[random.nextInt(WORDS.length)])
                    .append("\",\"room\":\"H").append(100 + random.nextInt(400))
                    .append("\",\"start\":\"2025-0").append(1 + random.nextInt(9)).append('-')
                    .append(10 + random.nextInt(18)).append('T').append(8 + random.nextInt(10)).append(":")
                    .append(random.nextBoolean() ? "00" : "30")
                    .append(":00\",\"price\":").append(random.nextInt(600) / 100.0)
                    .append(",\"stale\":").append(random.nextInt(8) == 0).append("},");
        }
        return out.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    /** Runs of repeated bytes of random lengths, like simple images or zero-filled records. */
    static byte[] binaryRuns(int size, long seed) {
        Random random = new Random(seed);
        byte[] out = new byte[size];
        int i = 0;
        while (i < size) {
            int run = Math.min(size - i, 1 + random.nextInt(300));
            byte value = (byte) random.nextInt(8);
            for (int end = i + run; i < end; i++) {
                out[i] = value;
            }
        }
        return out;
    }

    /** Uniform random bytes: incompressible. */
    static byte[] random(int size, long seed) {
        byte[] out = new byte[size];
        new Random(seed).nextBytes(out);
        return out;
    }
}
