package org.campusmirror.ws.autobahn;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What the peer records, after the suite's {@code received} tuples: {@code ("message", payload,
 * binary)}, {@code ("pong", payload)}, {@code ("timeout", tag)}. Payloads are kept as length plus
 * SHA-1 (and a short preview for reports), so 16 MiB echoes are never buffered.
 */
record ReceivedEvent(Kind kind, boolean binary, long length, String sha1, String preview, String tag) {

    enum Kind { MESSAGE, PONG, TIMEOUT }

    static final int PREVIEW_BYTES = 48;

    static ReceivedEvent message(byte[] payload, boolean binary) {
        return new ReceivedEvent(Kind.MESSAGE, binary, payload.length, sha1(payload), preview(payload), null);
    }

    static ReceivedEvent text(String payload) {
        return message(payload.getBytes(StandardCharsets.UTF_8), false);
    }

    static ReceivedEvent pong(byte[] payload) {
        return new ReceivedEvent(Kind.PONG, false, payload.length, sha1(payload), preview(payload), null);
    }

    static ReceivedEvent pong(String payload) {
        return pong(payload.getBytes(StandardCharsets.UTF_8));
    }

    static ReceivedEvent timeout(String tag) {
        return new ReceivedEvent(Kind.TIMEOUT, false, 0, "", "", tag);
    }

    /** Equality as the suite compares: kind, type, payload (by length and digest), tag. */
    boolean sameAs(ReceivedEvent other) {
        return kind == other.kind && binary == other.binary && length == other.length
                && sha1.equals(other.sha1) && java.util.Objects.equals(tag, other.tag);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case MESSAGE -> "(message, " + length + " bytes " + preview + ", " + (binary ? "binary" : "text") + ")";
            case PONG -> "(pong, " + length + " bytes " + preview + ")";
            case TIMEOUT -> "(timeout, " + tag + ")";
        };
    }

    static String preview(byte[] payload) {
        return Hex.head(payload, PREVIEW_BYTES);
    }

    static String sha1(byte[] payload) {
        MessageDigest digest = newSha1();
        return Hex.encode(digest.digest(payload));
    }

    static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
