package org.campusmirror.ws.protocol;

import java.util.Objects;

/**
 * One header field of the opening handshake's HTTP head
 * (<a href="https://www.rfc-editor.org/rfc/rfc9112#section-5">RFC 9112 section 5</a>). Names compare
 * case-insensitively wherever the engine looks them up.
 *
 * @param name  field name, a token
 * @param value field value without leading or trailing whitespace
 */
public record HttpHeader(String name, String value) {

    public HttpHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!HttpTokens.isToken(name)) {
            throw new IllegalArgumentException("header name is not a token: " + name);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
                throw new IllegalArgumentException("header value holds a control character: " + name);
            }
        }
    }

    /** Whether this field's name is {@code other}, ignoring case. */
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
