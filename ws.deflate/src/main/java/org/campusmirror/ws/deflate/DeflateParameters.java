package org.campusmirror.ws.deflate;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import org.campusmirror.ws.protocol.ExtensionOffer;
import org.campusmirror.ws.protocol.ExtensionParameter;
import org.campusmirror.ws.protocol.Role;

/**
 * The permessage-deflate parameters both ends agreed on in the opening handshake
 * (<a href="https://www.rfc-editor.org/rfc/rfc7692#section-7.1">RFC 7692 section 7.1</a>): what the server's
 * {@code Sec-WebSocket-Extensions} response says. An absent window size means 15 bits (32 KiB).
 *
 * @param serverNoContextTakeover the server compresses every message on its own (7.1.1.1)
 * @param clientNoContextTakeover the client compresses every message on its own (7.1.1.2)
 * @param serverMaxWindowBits     the server's LZ77 window, 8..15, if the response names it (7.1.2.1)
 * @param clientMaxWindowBits     the client's LZ77 window, 8..15, if the response names it (7.1.2.2)
 */
public record DeflateParameters(
        boolean serverNoContextTakeover,
        boolean clientNoContextTakeover,
        OptionalInt serverMaxWindowBits,
        OptionalInt clientMaxWindowBits) {

    static final String SERVER_NO_CONTEXT_TAKEOVER = "server_no_context_takeover";
    static final String CLIENT_NO_CONTEXT_TAKEOVER = "client_no_context_takeover";
    static final String SERVER_MAX_WINDOW_BITS = "server_max_window_bits";
    static final String CLIENT_MAX_WINDOW_BITS = "client_max_window_bits";

    public DeflateParameters {
        Objects.requireNonNull(serverMaxWindowBits, "serverMaxWindowBits");
        Objects.requireNonNull(clientMaxWindowBits, "clientMaxWindowBits");
        for (OptionalInt bits : List.of(serverMaxWindowBits, clientMaxWindowBits)) {
            if (bits.isPresent() && (bits.getAsInt() < PerMessageDeflateOptions.MIN_WINDOW_BITS
                    || bits.getAsInt() > PerMessageDeflateOptions.MAX_WINDOW_BITS)) {
                throw new IllegalArgumentException("window bits must be 8..15, was " + bits.getAsInt());
            }
        }
    }

    /** The window, in bits, that the messages {@code sender} compresses may refer back into. */
    public int windowBits(Role sender) {
        OptionalInt bits = sender == Role.SERVER ? serverMaxWindowBits : clientMaxWindowBits;
        return bits.orElse(PerMessageDeflateOptions.MAX_WINDOW_BITS);
    }

    /** Whether {@code sender} compresses every message on its own, without its earlier messages as history. */
    public boolean noContextTakeover(Role sender) {
        return sender == Role.SERVER ? serverNoContextTakeover : clientNoContextTakeover;
    }

    /** The response element: {@code permessage-deflate} with these parameters in the order of RFC 7692 7.1. */
    public ExtensionOffer toExtensionOffer() {
        List<ExtensionParameter> parameters = new ArrayList<>(4);
        if (serverNoContextTakeover) {
            parameters.add(ExtensionParameter.flag(SERVER_NO_CONTEXT_TAKEOVER));
        }
        if (clientNoContextTakeover) {
            parameters.add(ExtensionParameter.flag(CLIENT_NO_CONTEXT_TAKEOVER));
        }
        serverMaxWindowBits.ifPresent(bits ->
                parameters.add(new ExtensionParameter(SERVER_MAX_WINDOW_BITS, Integer.toString(bits))));
        clientMaxWindowBits.ifPresent(bits ->
                parameters.add(new ExtensionParameter(CLIENT_MAX_WINDOW_BITS, Integer.toString(bits))));
        return new ExtensionOffer(PerMessageDeflate.NAME, parameters);
    }

    @Override
    public String toString() {
        return toExtensionOffer().toString();
    }
}
