package org.campusmirror.interop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of a scripted peer client (test/interop/node/ws-client.mjs, test/interop/python/client.py), as maps that
 * become the JSON the scripts read. Each method makes one step.
 */
final class Steps {
    private Steps() {
    }

    static Map<String, Object> text(String text) {
        return Map.of("send", Map.of("text", text));
    }

    static Map<String, Object> binary(byte[] data) {
        return Map.of("send", Map.of("hex", Payloads.hex(data)));
    }

    /** A text frame whose payload is these raw bytes, valid UTF-8 or not. */
    static Map<String, Object> textBytes(byte[] data) {
        return Map.of("send", Map.of("hex", Payloads.hex(data), "binary", false));
    }

    /** One frame of a fragmented message: {@code fin} false means more frames follow. */
    static Map<String, Object> fragment(byte[] data, boolean binary, boolean fin) {
        return Map.of("send", Map.of("hex", Payloads.hex(data), "binary", binary, "fin", fin));
    }

    /**
     * A message the peer makes itself: {@code pattern} random (binary only), letters, repeat or blocks, as in
     * test/interop/node/peer.mjs.
     */
    static Map<String, Object> generated(int bytes, String pattern, boolean binary) {
        return Map.of("send", Map.of("generate", Map.of("bytes", bytes, "pattern", pattern, "binary", binary)));
    }

    static Map<String, Object> ping(String payload) {
        return Map.of("ping", payload);
    }

    static Map<String, Object> close(int code, String reason) {
        return Map.of("close", Map.of("code", code, "reason", reason));
    }

    static Map<String, Object> raw(String hex) {
        return Map.of("raw", hex);
    }

    /** Waits for the next message, ping, pong or close not awaited yet. */
    static Map<String, Object> await(String event) {
        return Map.of("await", event);
    }

    /** {@code count} times {@link #await(String) await("message")}. */
    static List<Map<String, Object>> awaitMessages(int count) {
        return java.util.Collections.nCopies(count, await("message"));
    }

    /** The command text our echoing endpoint and the ws server obey: {@code {"cmd":"ping",...}}. */
    static String command(String name, Map<String, Object> arguments) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("cmd", name);
        command.putAll(arguments);
        return PeerProcess.json(command);
    }
}
