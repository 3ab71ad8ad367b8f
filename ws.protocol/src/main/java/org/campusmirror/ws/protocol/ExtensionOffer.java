package org.campusmirror.ws.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.campusmirror.ws.protocol.internal.ExtensionHeaderSyntax;

/**
 * One element of a {@code Sec-WebSocket-Extensions} header
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-9.1">RFC 6455 section 9.1</a>): an extension
 * name with its parameters in header order. It is an offer in a client's request and the accepted
 * configuration in a server's response (<a href="https://www.rfc-editor.org/rfc/rfc7692#section-5">RFC 7692
 * section 5</a>). Parameters keep duplicates, so an extension can refuse them.
 *
 * @param name       the extension token, e.g. {@code permessage-deflate}
 * @param parameters its parameters, in order
 */
public record ExtensionOffer(String name, List<ExtensionParameter> parameters) {

    public ExtensionOffer {
        Objects.requireNonNull(name, "name");
        if (!HttpTokens.isToken(name)) {
            throw new IllegalArgumentException("extension name is not a token: " + name);
        }
        parameters = List.copyOf(parameters);
    }

    /** An offer without parameters. */
    public static ExtensionOffer of(String name) {
        return new ExtensionOffer(name, List.of());
    }

    /** All parameters called {@code parameterName} (ignoring case), in order. */
    public List<ExtensionParameter> parameters(String parameterName) {
        List<ExtensionParameter> found = new ArrayList<>(1);
        for (ExtensionParameter p : parameters) {
            if (p.name().equalsIgnoreCase(parameterName)) {
                found.add(p);
            }
        }
        return found;
    }

    /**
     * Parses a {@code Sec-WebSocket-Extensions} value, possibly several header fields joined by commas.
     * Quoted values are unquoted and must then be tokens; empty list elements are skipped (RFC 9110 5.6.1).
     *
     * @throws HandshakeException (400) when the value breaks the grammar
     */
    public static List<ExtensionOffer> parseHeader(String headerValue) throws HandshakeException {
        return ExtensionHeaderSyntax.parse(headerValue);
    }

    /** Formats offers as one {@code Sec-WebSocket-Extensions} value: {@code a; p=1, b}. */
    public static String formatHeader(List<ExtensionOffer> offers) {
        return offers.stream().map(ExtensionOffer::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(name);
        for (ExtensionParameter p : parameters) {
            out.append("; ").append(p);
        }
        return out.toString();
    }
}
