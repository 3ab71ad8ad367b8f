package org.campusmirror.ws.autobahn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * permessage-deflate negotiation on the peer's side (RFC 7692 section 7.1), after autobahn's
 * {@code PerMessageDeflateOffer}, {@code OfferAccept} and {@code Response}, with its defaults.
 */
final class DeflateNegotiation {
    static final String EXTENSION = "permessage-deflate";

    private DeflateNegotiation() {
    }

    /**
     * An offer. As a client the peer sends it; as a server it parses the client's.
     *
     * @param acceptNoContextTakeover {@code client_no_context_takeover} hint present
     * @param acceptMaxWindowBits {@code client_max_window_bits} present
     * @param requestNoContextTakeover {@code server_no_context_takeover} requested
     * @param requestMaxWindowBits {@code server_max_window_bits} requested, 0 when absent
     */
    record Offer(boolean acceptNoContextTakeover, boolean acceptMaxWindowBits, boolean requestNoContextTakeover,
            int requestMaxWindowBits) {

        /** autobahn's {@code PerMessageDeflateOffer(requestNoContextTakeover, requestMaxWindowBits)}. */
        static Offer requesting(boolean noContextTakeover, int maxWindowBits) {
            return new Offer(true, true, noContextTakeover, maxWindowBits);
        }

        String headerValue() {
            StringBuilder text = new StringBuilder(EXTENSION);
            if (acceptNoContextTakeover) {
                text.append("; client_no_context_takeover");
            }
            if (acceptMaxWindowBits) {
                text.append("; client_max_window_bits");
            }
            if (requestNoContextTakeover) {
                text.append("; server_no_context_takeover");
            }
            if (requestMaxWindowBits != 0) {
                text.append("; server_max_window_bits=").append(requestMaxWindowBits);
            }
            return text.toString();
        }

        /** autobahn's {@code PerMessageDeflateOffer.parse}: its defaults and its refusals. */
        static Offer parse(Map<String, String> params) {
            boolean acceptMaxWindowBits = false;
            boolean acceptNoContextTakeover = true; // autobahn's default, whether or not the hint is sent
            boolean requestNoContextTakeover = false;
            int requestMaxWindowBits = 0;
            for (Map.Entry<String, String> param : params.entrySet()) {
                String value = param.getValue();
                switch (param.getKey()) {
                    case "client_max_window_bits" -> {
                        if (value != null) {
                            windowBits(param.getKey(), value);
                        }
                        acceptMaxWindowBits = true;
                    }
                    case "client_no_context_takeover" -> {
                        noValue(param.getKey(), value);
                        acceptNoContextTakeover = true;
                    }
                    case "server_max_window_bits" -> requestMaxWindowBits = windowBits(param.getKey(), value);
                    case "server_no_context_takeover" -> {
                        noValue(param.getKey(), value);
                        requestNoContextTakeover = true;
                    }
                    default -> throw new IllegalArgumentException("illegal extension parameter '" + param.getKey()
                            + "' for extension '" + EXTENSION + "'");
                }
            }
            return new Offer(acceptNoContextTakeover, acceptMaxWindowBits, requestNoContextTakeover,
                    requestMaxWindowBits);
        }
    }

    /**
     * The server's acceptance of one offer.
     *
     * @param offer the offer accepted
     * @param requestNoContextTakeover answer {@code client_no_context_takeover}
     * @param requestMaxWindowBits answer {@code client_max_window_bits=N}, 0 for none
     */
    record Accept(Offer offer, boolean requestNoContextTakeover, int requestMaxWindowBits) {

        Accept {
            if (requestNoContextTakeover && !offer.acceptNoContextTakeover()) {
                throw new IllegalArgumentException("client_no_context_takeover unsupported by client");
            }
            if (requestMaxWindowBits != 0 && !offer.acceptMaxWindowBits()) {
                throw new IllegalArgumentException("client_max_window_bits unsupported by client");
            }
        }

        String headerValue() {
            StringBuilder text = new StringBuilder(EXTENSION);
            if (offer.requestNoContextTakeover()) {
                text.append("; server_no_context_takeover");
            }
            if (offer.requestMaxWindowBits() != 0) {
                text.append("; server_max_window_bits=").append(offer.requestMaxWindowBits());
            }
            if (requestNoContextTakeover) {
                text.append("; client_no_context_takeover");
            }
            if (requestMaxWindowBits != 0) {
                text.append("; client_max_window_bits=").append(requestMaxWindowBits);
            }
            return text.toString();
        }

        /** What the peer, as the server, uses. */
        Parameters parameters() {
            return new Parameters(offer.requestNoContextTakeover(), requestNoContextTakeover,
                    offer.requestMaxWindowBits(), requestMaxWindowBits);
        }
    }

    /**
     * Negotiated parameters; window bits 0 mean the default 15.
     */
    record Parameters(boolean serverNoContextTakeover, boolean clientNoContextTakeover,
            int serverMaxWindowBits, int clientMaxWindowBits) {

        /**
         * autobahn's {@code PerMessageDeflateResponse.parse}, plus the RFC 7692 7.1 checks against
         * what the peer offered: only offered parameters, the server window not above the offer,
         * {@code server_no_context_takeover} echoed when requested.
         */
        static Parameters fromResponse(Map<String, String> params, List<Offer> offered) {
            boolean serverNoContextTakeover = false;
            boolean clientNoContextTakeover = false;
            int serverMaxWindowBits = 0;
            int clientMaxWindowBits = 0;
            for (Map.Entry<String, String> param : params.entrySet()) {
                String value = param.getValue();
                switch (param.getKey()) {
                    case "client_max_window_bits" -> clientMaxWindowBits = DeflateNegotiation.windowBits(param.getKey(), value);
                    case "client_no_context_takeover" -> {
                        noValue(param.getKey(), value);
                        clientNoContextTakeover = true;
                    }
                    case "server_max_window_bits" -> serverMaxWindowBits = DeflateNegotiation.windowBits(param.getKey(), value);
                    case "server_no_context_takeover" -> {
                        noValue(param.getKey(), value);
                        serverNoContextTakeover = true;
                    }
                    default -> throw new IllegalArgumentException("illegal extension parameter '" + param.getKey()
                            + "' in the server's permessage-deflate response");
                }
            }
            Parameters response = new Parameters(serverNoContextTakeover, clientNoContextTakeover,
                    serverMaxWindowBits, clientMaxWindowBits);
            for (Offer offer : offered) {
                if (response.fits(offer)) {
                    return response;
                }
            }
            throw new IllegalArgumentException("the response '" + params + "' answers none of the offers "
                    + offered.stream().map(Offer::headerValue).toList() + " (RFC 7692 section 7.1)");
        }

        private boolean fits(Offer offer) {
            if (clientMaxWindowBits != 0 && !offer.acceptMaxWindowBits()) {
                return false;
            }
            if (offer.requestNoContextTakeover() && !serverNoContextTakeover) {
                return false;
            }
            if (offer.requestMaxWindowBits() != 0) {
                return serverMaxWindowBits != 0 && serverMaxWindowBits <= offer.requestMaxWindowBits();
            }
            return true;
        }

        boolean noContextTakeover(boolean server) {
            return server ? serverNoContextTakeover : clientNoContextTakeover;
        }

        int windowBits(boolean server) {
            int bits = server ? serverMaxWindowBits : clientMaxWindowBits;
            return bits == 0 ? 15 : bits;
        }
    }

    /**
     * How a case negotiates: the offers the peer sends as client, and the accept function it
     * applies as server (null means "accept nothing").
     */
    record Setup(List<Offer> clientOffers, Function<List<Offer>, Accept> serverAccept) {
    }

    /** Parses a {@code Sec-WebSocket-Extensions} value into (name, parameters) pairs. */
    static List<Map.Entry<String, Map<String, String>>> parseHeader(String header) {
        List<Map.Entry<String, Map<String, String>>> extensions = new ArrayList<>();
        for (String element : header.split(",")) {
            String[] parts = element.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i].trim();
                if (part.isEmpty()) {
                    continue;
                }
                int equals = part.indexOf('=');
                String key = (equals < 0 ? part : part.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
                String value = equals < 0 ? null : unquote(part.substring(equals + 1).trim());
                if (params.containsKey(key)) {
                    throw new IllegalArgumentException("multiple occurrence of extension parameter '" + key + "'");
                }
                params.put(key, value);
            }
            extensions.add(Map.entry(name, params));
        }
        return extensions;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static int windowBits(String name, String value) {
        if (value == null || !value.matches("[1-9][0-9]?")) {
            throw new IllegalArgumentException("invalid value '" + value + "' for parameter '" + name + "'");
        }
        int bits = Integer.parseInt(value);
        if (bits < 8 || bits > 15) {
            throw new IllegalArgumentException("invalid value " + bits + " for parameter '" + name + "' (8..15)");
        }
        return bits;
    }

    private static void noValue(String name, String value) {
        if (value != null) {
            throw new IllegalArgumentException("parameter '" + name + "' must not have a value");
        }
    }
}
