package org.campusmirror.mirror.runtime.internal.widgets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Widget ids that are safe everywhere they go: a DOM attribute, a CSS selector, a file name in the cache. A PID
 * like {@code org.campusmirror.widgets.Canteen~mensa} stays as it is; any other character becomes {@code _}, and
 * then a hash of the original keeps two different PIDs apart.
 */
public final class WidgetIds {
    static final int MAX_LENGTH = 100;

    private WidgetIds() {
    }

    /** The id for a PID or component name. */
    public static String sanitize(String raw) {
        StringBuilder id = new StringBuilder(raw.length());
        boolean changed = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isSafe(c)) {
                id.append(c);
            } else {
                id.append('_');
                changed = true;
            }
        }
        if (id.length() == 0 || id.charAt(0) == '.' || id.charAt(0) == '-') {
            // "", ".", ".." and leading dots or dashes make poor file names and options
            id.insert(0, 'w');
            changed = true;
        }
        if (id.length() > MAX_LENGTH) {
            id.setLength(MAX_LENGTH);
            changed = true;
        }
        return changed ? id + "-" + shortHash(raw) : id.toString();
    }

    /** Whether {@code id} is what {@link #sanitize} returns for some input. */
    public static boolean isSafe(String id) {
        if (id.isEmpty() || id.length() > MAX_LENGTH + 9 || id.charAt(0) == '.' || id.charAt(0) == '-') {
            return false;
        }
        return id.chars().allMatch(c -> isSafe((char) c));
    }

    private static boolean isSafe(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                || c == '-' || c == '~';
    }

    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
