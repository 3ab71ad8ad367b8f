package org.campusmirror.mirror.runtime.internal.console;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP Basic {@code Authorization} header (RFC 7617) taken apart: user and password, decoded as UTF-8 (what
 * browsers send; RFC 7617's {@code charset="UTF-8"} in our challenge asks for it).
 *
 * @param user     the user id, before the first colon
 * @param password the rest
 */
record BasicAuthorization(String user, String password) {
    /** Longer headers are not taken apart at all: no real user id and password need 4 KiB. */
    static final int MAX_HEADER_LENGTH = 4096;

    static Optional<BasicAuthorization> parse(String header) {
        if (header == null || header.length() > MAX_HEADER_LENGTH) {
            return Optional.empty();
        }
        String trimmed = header.strip();
        int blank = trimmed.indexOf(' ');
        if (blank <= 0 || !trimmed.substring(0, blank).toLowerCase(Locale.ROOT).equals("basic")) {
            return Optional.empty();
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(trimmed.substring(blank + 1).strip());
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String pair = new String(decoded, StandardCharsets.UTF_8);
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicAuthorization(pair.substring(0, colon), pair.substring(colon + 1)));
    }

    /** Never the password: a record's default toString would put it into any log line that names this. */
    @Override
    public String toString() {
        return "BasicAuthorization[user=" + user + "]";
    }
}
