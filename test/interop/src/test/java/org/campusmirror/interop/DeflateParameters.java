package org.campusmirror.interop;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of a {@code Sec-WebSocket-Extensions: permessage-deflate; ...} response
 * (<a href="https://www.rfc-editor.org/rfc/rfc7692#section-7.1">RFC 7692 section 7.1</a>) as a set of
 * {@code name} or {@code name=value} strings, so that tests compare what was agreed, not how it was spelled.
 */
final class DeflateParameters {
    private DeflateParameters() {
    }

    /** The agreed parameters, or null when the header is absent or names no permessage-deflate. */
    static Set<String> of(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] parts = header.split(";");
        if (!parts[0].strip().equals("permessage-deflate")) {
            return null;
        }
        Set<String> parameters = new TreeSet<>();
        Arrays.stream(parts).skip(1).map(p -> p.strip().replace(" ", "").replace("\"", "")).forEach(parameters::add);
        return parameters;
    }

    /** The window the sender of {@code side} ("server" or "client") may use: the agreed bits, else 15. */
    static int windowBits(Set<String> agreed, String side) {
        String prefix = side + "_max_window_bits=";
        return agreed.stream().filter(p -> p.startsWith(prefix)).mapToInt(p -> Integer.parseInt(p.substring(prefix.length())))
                .findFirst().orElse(15);
    }

    static boolean noContextTakeover(Set<String> agreed, String side) {
        return agreed.contains(side + "_no_context_takeover");
    }
}
