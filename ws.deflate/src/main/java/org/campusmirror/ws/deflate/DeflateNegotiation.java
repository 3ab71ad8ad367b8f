package org.campusmirror.ws.deflate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.campusmirror.ws.protocol.ExtensionOffer;
import org.campusmirror.ws.protocol.ExtensionParameter;

/**
 * The negotiation rules of RFC 7692 section 7.1 for both roles, as pure functions of the options and the
 * peer's (already syntax-checked) parameters. No offer is ever declined for its window size: our
 * compressor honours every window from 8 to 15 bits and our decompressor reads any.
 */
final class DeflateNegotiation {

    private DeflateNegotiation() {
    }

    /**
     * Server: the parameters to answer a valid offer with.
     * <ul>
     * <li>{@code server_no_context_takeover} when offered (7.1.1.1: accepting means echoing it) or configured
     *     (the server may add it unasked);</li>
     * <li>{@code client_no_context_takeover} when offered (echoed, as {@code ws} does) or configured;</li>
     * <li>{@code server_max_window_bits}: the smaller of the offered and the configured value, if any
     *     (7.1.2.1: same or smaller than offered; may be named unasked);</li>
     * <li>{@code client_max_window_bits}: only if the offer names it (7.1.2.2), the smaller of its value and the
     *     configured one, if either exists.</li>
     * </ul>
     */
    static DeflateParameters answer(PerMessageDeflateOptions options, OfferedParameters offer) {
        OptionalInt clientBits = offer.clientMaxWindowBitsNamed()
                ? smaller(offer.clientMaxWindowBits(), options.clientMaxWindowBits())
                : OptionalInt.empty();
        return new DeflateParameters(
                offer.serverNoContextTakeover() || options.serverNoContextTakeover(),
                offer.clientNoContextTakeover() || options.clientNoContextTakeover(),
                smaller(offer.serverMaxWindowBits(), options.serverMaxWindowBits()),
                clientBits);
    }

    /**
     * Client: the offer. {@code client_max_window_bits} is always named, without a value unless configured,
     * telling the server it may limit our window.
     */
    static ExtensionOffer offer(PerMessageDeflateOptions options) {
        List<ExtensionParameter> parameters = new ArrayList<>(4);
        if (options.serverNoContextTakeover()) {
            parameters.add(ExtensionParameter.flag(DeflateParameters.SERVER_NO_CONTEXT_TAKEOVER));
        }
        if (options.clientNoContextTakeover()) {
            parameters.add(ExtensionParameter.flag(DeflateParameters.CLIENT_NO_CONTEXT_TAKEOVER));
        }
        options.serverMaxWindowBits().ifPresent(bits ->
                parameters.add(new ExtensionParameter(DeflateParameters.SERVER_MAX_WINDOW_BITS, Integer.toString(bits))));
        parameters.add(options.clientMaxWindowBits().isPresent()
                ? new ExtensionParameter(DeflateParameters.CLIENT_MAX_WINDOW_BITS,
                        Integer.toString(options.clientMaxWindowBits().getAsInt()))
                : ExtensionParameter.flag(DeflateParameters.CLIENT_MAX_WINDOW_BITS));
        return new ExtensionOffer(PerMessageDeflate.NAME, parameters);
    }

    /**
     * Client: checks the server's (syntax-checked) response against our offer and returns the parameters in
     * force: what the response says, plus our own promises (a window we offered as a limit, no context
     * takeover we offered) where the response is silent.
     *
     * @throws OfferedParameters.InvalidParametersException when the server answered what we did not allow
     */
    static DeflateParameters inForce(PerMessageDeflateOptions options, OfferedParameters response)
            throws OfferedParameters.InvalidParametersException {
        if (options.serverNoContextTakeover() && !response.serverNoContextTakeover()) {
            throw new OfferedParameters.InvalidParametersException(
                    "we offered server_no_context_takeover and the server did not accept it");
        }
        OptionalInt offeredServerBits = options.serverMaxWindowBits();
        if (offeredServerBits.isPresent() && (response.serverMaxWindowBits().isEmpty()
                || response.serverMaxWindowBits().getAsInt() > offeredServerBits.getAsInt())) {
            throw new OfferedParameters.InvalidParametersException("we offered server_max_window_bits="
                    + offeredServerBits.getAsInt() + " and the server answered " + response.serverMaxWindowBits());
        }
        OptionalInt offeredClientBits = options.clientMaxWindowBits();
        if (offeredClientBits.isPresent() && response.clientMaxWindowBits().isPresent()
                && response.clientMaxWindowBits().getAsInt() > offeredClientBits.getAsInt()) {
            throw new OfferedParameters.InvalidParametersException("we offered client_max_window_bits="
                    + offeredClientBits.getAsInt() + " and the server answered a larger "
                    + response.clientMaxWindowBits().getAsInt());
        }
        return new DeflateParameters(
                response.serverNoContextTakeover(),
                response.clientNoContextTakeover() || options.clientNoContextTakeover(),
                response.serverMaxWindowBits(),
                smaller(response.clientMaxWindowBits(), offeredClientBits));
    }

    private static OptionalInt smaller(OptionalInt a, OptionalInt b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return OptionalInt.of(Math.min(a.getAsInt(), b.getAsInt()));
    }
}
