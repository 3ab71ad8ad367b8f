package org.campusmirror.bench.protocol;

import java.nio.charset.StandardCharsets;

/**
 * JSON-like messages (widget view models, as the mirror pushes them), generated exactly as node/deflate.mjs
 * generates them (same LCG, same words, same formatting), so the Java and the Node deflate figures are for the
 * same bytes.
 */
final class JsonMessages {
    private static final String[] WORDS = {"lecture", "canteen", "tram", "weather", "room", "news", "menu",
            "vegan", "delay", "seminar", "library", "exam", "platform", "sunny", "rain", "closed"};

    private JsonMessages() {
    }

    /** {@code size} bytes of a JSON array of objects, cut at {@code size}. */
    static byte[] json(int size, int seed) {
        int state = seed;
        StringBuilder out = new StringBuilder(size + 200).append('[');
        for (int id = 0; out.length() < size; id++) {
            state = next(state);
            String kind = WORDS[state % WORDS.length];
            state = next(state);
            String title = WORDS[state % WORDS.length];
            state = next(state);
            String room = "H" + (100 + state % 400);
            state = next(state);
            int minute = state % 2 == 0 ? 0 : 30;
            state = next(state);
            int value = state % 1000;
            out.append("{\"id\":").append(id).append(",\"kind\":\"").append(kind).append("\",\"title\":\"")
                    .append(title).append(' ').append(kind).append("\",\"room\":\"").append(room)
                    .append("\",\"start\":\"2025-10-2").append(id % 10).append("T1").append(id % 10).append(':')
                    .append(minute == 0 ? "00" : "30").append(":00\",\"value\":").append(value)
                    .append(",\"stale\":").append(value % 8 == 0).append("},");
        }
        return out.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    private static int next(int state) {
        return (state * 1103515245 + 12345) & 0x7fffffff;
    }
}
