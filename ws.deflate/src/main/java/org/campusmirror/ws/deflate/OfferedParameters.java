package org.campusmirror.ws.deflate;

import java.util.OptionalInt;

import org.campusmirror.ws.protocol.ExtensionOffer;
import org.campusmirror.ws.protocol.ExtensionParameter;

/**
 * One permessage-deflate element of a {@code Sec-WebSocket-Extensions} header, checked against RFC 7692
 * section 7.1: only the four known parameters, each at most once, the two {@code *_no_context_takeover}
 * without a value, window bits as a decimal 8..15 without leading zeros. {@code server_max_window_bits} always
 * needs a value; {@code client_max_window_bits} may go without one in an offer ("I support it", 7.1.2.2) but
 * not in a response.
 *
 * @param clientMaxWindowBitsNamed whether the element names {@code client_max_window_bits}, with or without value
 */
record OfferedParameters(
        boolean serverNoContextTakeover,
        boolean clientNoContextTakeover,
        OptionalInt serverMaxWindowBits,
        boolean clientMaxWindowBitsNamed,
        OptionalInt clientMaxWindowBits) {

    /** Where the element comes from: the rules differ for {@code client_max_window_bits} without a value. */
    enum Source { CLIENT_OFFER, SERVER_RESPONSE }

    /** The element breaks RFC 7692 section 7.1; the message says how. */
    static final class InvalidParametersException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidParametersException(String message) {
            super(message);
        }
    }

    static OfferedParameters parse(ExtensionOffer element, Source source) throws InvalidParametersException {
        if (!element.name().equalsIgnoreCase(PerMessageDeflate.NAME)) {
            throw new InvalidParametersException("not a permessage-deflate element: " + element.name());
        }
        boolean serverNoContext = false;
        boolean clientNoContext = false;
        OptionalInt serverBits = OptionalInt.empty();
        boolean clientBitsNamed = false;
        OptionalInt clientBits = OptionalInt.empty();
        boolean serverBitsNamed = false;
        for (ExtensionParameter p : element.parameters()) {
            String name = p.name().toLowerCase(java.util.Locale.ROOT);
            switch (name) {
                case DeflateParameters.SERVER_NO_CONTEXT_TAKEOVER -> {
                    requireOnce(name, serverNoContext);
                    requireNoValue(p);
                    serverNoContext = true;
                }
                case DeflateParameters.CLIENT_NO_CONTEXT_TAKEOVER -> {
                    requireOnce(name, clientNoContext);
                    requireNoValue(p);
                    clientNoContext = true;
                }
                case DeflateParameters.SERVER_MAX_WINDOW_BITS -> {
                    requireOnce(name, serverBitsNamed);
                    serverBitsNamed = true;
                    serverBits = OptionalInt.of(windowBits(p));
                }
                case DeflateParameters.CLIENT_MAX_WINDOW_BITS -> {
                    requireOnce(name, clientBitsNamed);
                    clientBitsNamed = true;
                    if (p.hasValue() || source == Source.SERVER_RESPONSE) {
                        clientBits = OptionalInt.of(windowBits(p));
                    }
                }
                default -> throw new InvalidParametersException("unknown parameter " + p.name());
            }
        }
        return new OfferedParameters(serverNoContext, clientNoContext, serverBits, clientBitsNamed, clientBits);
    }

    private static void requireOnce(String name, boolean seen) throws InvalidParametersException {
        if (seen) {
            throw new InvalidParametersException("parameter " + name + " appears more than once");
        }
    }

    private static void requireNoValue(ExtensionParameter p) throws InvalidParametersException {
        if (p.hasValue()) {
            throw new InvalidParametersException("parameter " + p.name() + " takes no value, got " + p.value());
        }
    }

    /** 8..15 written as RFC 7692 7.1.2 says: a decimal integer without leading zeros. */
    private static int windowBits(ExtensionParameter p) throws InvalidParametersException {
        String value = p.value();
        if (value == null) {
            throw new InvalidParametersException("parameter " + p.name() + " needs a value 8..15");
        }
        boolean wellFormed = value.length() == 1 ? value.charAt(0) >= '8' && value.charAt(0) <= '9'
                : value.length() == 2 && value.charAt(0) == '1' && value.charAt(1) >= '0' && value.charAt(1) <= '5';
        if (!wellFormed) {
            throw new InvalidParametersException("parameter " + p.name() + " must be 8..15, was " + value);
        }
        return Integer.parseInt(value);
    }
}
