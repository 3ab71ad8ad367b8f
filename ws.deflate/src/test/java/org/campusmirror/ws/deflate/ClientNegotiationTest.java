package org.campusmirror.ws.deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.OptionalInt;

import org.campusmirror.ws.protocol.ExtensionOffer;
import org.campusmirror.ws.protocol.HandshakeException;
import org.campusmirror.ws.protocol.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's side of RFC 7692 sections 5 and 7.1: its offer, and which responses it accepts. */
class ClientNegotiationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "defaults        | permessage-deflate; client_max_window_bits",
        "serverNoContext | permessage-deflate; server_no_context_takeover; client_max_window_bits",
        "clientNoContext | permessage-deflate; client_no_context_takeover; client_max_window_bits",
        "serverWindow9   | permessage-deflate; server_max_window_bits=9; client_max_window_bits",
        "clientWindow10  | permessage-deflate; client_max_window_bits=10",
    })
    void offerFollowsTheOptions(String preset, String offer) {
        try (PerMessageDeflate deflate = PerMessageDeflate.create(preset(preset))) {
            assertEquals(offer, ExtensionOffer.formatHeader(deflate.offers()));
        }
    }

    @ParameterizedTest(name = "{0} -> server {1}/{2}, client {3}/{4}")
    @CsvSource(delimiter = '|', value = {
        "permessage-deflate                                | 15 | false | 15 | false",
        "permessage-deflate; server_no_context_takeover    | 15 | true  | 15 | false",
        "permessage-deflate; client_no_context_takeover    | 15 | false | 15 | true",
        "permessage-deflate; server_max_window_bits=10     | 10 | false | 15 | false",
        "permessage-deflate; client_max_window_bits=9      | 15 | false | 9  | false",
        "permessage-deflate; client_max_window_bits=8      | 15 | false | 8  | false",
        "permessage-deflate; client_max_window_bits=\"12\" | 15 | false | 12 | false",
    })
    void validResponseToTheDefaultOfferIsAccepted(String response, int serverBits, boolean serverNoContext,
            int clientBits, boolean clientNoContext) throws HandshakeException {
        DeflateParameters agreed = accept(PerMessageDeflateOptions.DEFAULTS, response);
        assertEquals(serverBits, agreed.windowBits(Role.SERVER));
        assertEquals(serverNoContext, agreed.noContextTakeover(Role.SERVER));
        assertEquals(clientBits, agreed.windowBits(Role.CLIENT));
        assertEquals(clientNoContext, agreed.noContextTakeover(Role.CLIENT));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "permessage-deflate; foo",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
        "permessage-deflate; client_no_context_takeover; client_no_context_takeover",
        "permessage-deflate; server_max_window_bits=10; server_max_window_bits=11",
        "permessage-deflate; client_max_window_bits=10; client_max_window_bits=10",
        "permessage-deflate; client_max_window_bits",
        "permessage-deflate; server_max_window_bits",
        "permessage-deflate; server_max_window_bits=16",
        "permessage-deflate; client_max_window_bits=7",
        "permessage-deflate; client_max_window_bits=09",
        "permessage-deflate; server_no_context_takeover=yes",
    })
    void invalidResponseFailsTheHandshake(String response) {
        assertThrows(HandshakeException.class, () -> accept(PerMessageDeflateOptions.DEFAULTS, response));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "serverNoContext | permessage-deflate",
        "serverWindow9   | permessage-deflate",
        "serverWindow9   | permessage-deflate; server_max_window_bits=10",
        "clientWindow10  | permessage-deflate; client_max_window_bits=11",
    })
    void responseThatIgnoresOurOfferFailsTheHandshake(String preset, String response) {
        assertThrows(HandshakeException.class, () -> accept(preset(preset), response));
    }

    @Test
    void serverMayAnswerWithASmallerServerWindowThanOffered() throws HandshakeException {
        DeflateParameters agreed = accept(preset("serverWindow9"), "permessage-deflate; server_max_window_bits=8");
        assertEquals(8, agreed.windowBits(Role.SERVER));
    }

    @Test
    void ourOfferedClientWindowHoldsWhenTheServerIsSilent() throws HandshakeException {
        DeflateParameters agreed = accept(preset("clientWindow10"), "permessage-deflate");
        assertEquals(OptionalInt.of(10), agreed.clientMaxWindowBits());
    }

    @Test
    void weKeepOurOwnNoContextTakeoverEvenIfTheServerDoesNotAskForIt() throws HandshakeException {
        DeflateParameters agreed = accept(preset("clientNoContext"), "permessage-deflate");
        assertEquals(true, agreed.noContextTakeover(Role.CLIENT));
    }

    @Test
    void extensionReportsTheResponseAsNegotiated() throws HandshakeException {
        try (PerMessageDeflate deflate = PerMessageDeflate.create()) {
            ExtensionOffer response = ExtensionOffer.parseHeader("permessage-deflate; server_no_context_takeover").get(0);
            DeflateExtension extension = (DeflateExtension) deflate.acceptResponse(response);
            assertEquals(response, extension.negotiated());
            assertEquals(Role.CLIENT, extension.role());
            extension.close();
        }
    }

    private static DeflateParameters accept(PerMessageDeflateOptions options, String response) throws HandshakeException {
        try (PerMessageDeflate deflate = PerMessageDeflate.create(options)) {
            List<ExtensionOffer> elements = ExtensionOffer.parseHeader(response);
            DeflateExtension extension = (DeflateExtension) deflate.acceptResponse(elements.get(0));
            extension.close();
            return extension.parameters();
        }
    }

    private static PerMessageDeflateOptions preset(String name) {
        PerMessageDeflateOptions.Builder b = PerMessageDeflateOptions.builder();
        return switch (name) {
            case "defaults" -> b.build();
            case "serverNoContext" -> b.serverNoContextTakeover(true).build();
            case "clientNoContext" -> b.clientNoContextTakeover(true).build();
            case "serverWindow9" -> b.serverMaxWindowBits(9).build();
            case "clientWindow10" -> b.clientMaxWindowBits(10).build();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
