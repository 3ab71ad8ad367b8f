package org.campusmirror.ws.protocol;

import java.util.Objects;

/**
 * One extension parameter of a {@code Sec-WebSocket-Extensions} element
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-9.1">RFC 6455 section 9.1</a>): a name and an
 * optional value. Quoted values are given here unquoted.
 *
 * @param name  the parameter name, a token
 * @param value the value (a token after unquoting), or {@code null} for a parameter without a value
 */
public record ExtensionParameter(String name, String value) {

    public ExtensionParameter {
        Objects.requireNonNull(name, "name");
        if (!HttpTokens.isToken(name)) {
            throw new IllegalArgumentException("parameter name is not a token: " + name);
        }
        if (value != null && !HttpTokens.isToken(value)) {
            throw new IllegalArgumentException("parameter value is not a token: " + value);
        }
    }

    /** A parameter without a value, such as {@code server_no_context_takeover}. */
    public static ExtensionParameter flag(String name) {
        return new ExtensionParameter(name, null);
    }

    public boolean hasValue() {
        return value != null;
    }

    @Override
    public String toString() {
        return value == null ? name : name + "=" + value;
    }
}
