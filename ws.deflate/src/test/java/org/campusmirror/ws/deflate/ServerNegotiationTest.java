package org.campusmirror.ws.deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.campusmirror.ws.protocol.Extension;
import org.campusmirror.ws.protocol.ExtensionOffer;
import org.campusmirror.ws.protocol.HandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's side of RFC 7692 sections 5 and 7.1: which offers it accepts and what it answers. */
class ServerNegotiationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "permessage-deflate                                            | permessage-deflate",
        "permessage-deflate; client_max_window_bits                    | permessage-deflate",
        "permessage-deflate; client_max_window_bits=10                 | permessage-deflate; client_max_window_bits=10",
        "permessage-deflate; client_max_window_bits=\"8\"              | permessage-deflate; client_max_window_bits=8",
        "permessage-deflate; server_no_context_takeover                | permessage-deflate; server_no_context_takeover",
        "permessage-deflate; client_no_context_takeover                | permessage-deflate; client_no_context_takeover",
        "permessage-deflate; server_max_window_bits=9                  | permessage-deflate; server_max_window_bits=9",
        "permessage-deflate; server_max_window_bits=8                  | permessage-deflate; server_max_window_bits=8",
        "permessage-deflate; server_max_window_bits=15                 | permessage-deflate; server_max_window_bits=15",
        "permessage-deflate; server_max_window_bits=\"12\"             | permessage-deflate; server_max_window_bits=12",
        "PerMessage-Deflate; Server_No_Context_Takeover                | permessage-deflate; server_no_context_takeover",
        "permessage-deflate; client_max_window_bits=9; server_max_window_bits=10; client_no_context_takeover; "
                + "server_no_context_takeover | permessage-deflate; server_no_context_takeover; "
                + "client_no_context_takeover; server_max_window_bits=10; client_max_window_bits=9",
    })
    void validOfferIsAcceptedWithDefaultOptions(String offer, String response) throws HandshakeException {
        assertEquals(response, answer(PerMessageDeflateOptions.DEFAULTS, offer));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "permessage-deflate; foo",
        "permessage-deflate; x=1",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
        "permessage-deflate; client_no_context_takeover; client_no_context_takeover",
        "permessage-deflate; server_max_window_bits=10; server_max_window_bits=10",
        "permessage-deflate; client_max_window_bits; client_max_window_bits=10",
        "permessage-deflate; server_no_context_takeover=1",
        "permessage-deflate; client_no_context_takeover=true",
        "permessage-deflate; server_max_window_bits",
        "permessage-deflate; server_max_window_bits=7",
        "permessage-deflate; server_max_window_bits=16",
        "permessage-deflate; server_max_window_bits=08",
        "permessage-deflate; server_max_window_bits=010",
        "permessage-deflate; server_max_window_bits=abc",
        "permessage-deflate; server_max_window_bits=-9",
        "permessage-deflate; server_max_window_bits=+9",
        "permessage-deflate; server_max_window_bits=9.0",
        "permessage-deflate; client_max_window_bits=7",
        "permessage-deflate; client_max_window_bits=16",
        "permessage-deflate; client_max_window_bits=015",
        "permessage-deflate; client_max_window_bits=1e1",
    })
    void invalidOfferIsDeclined(String offer) throws HandshakeException {
        try (PerMessageDeflate deflate = PerMessageDeflate.create()) {
            assertEquals(Optional.empty(), deflate.acceptOffer(ExtensionOffer.parseHeader(offer)));
        }
    }

    @Test
    void firstValidOfferOfSeveralIsTaken() throws HandshakeException {
        assertEquals("permessage-deflate; server_max_window_bits=10", answer(PerMessageDeflateOptions.DEFAULTS,
                "permessage-deflate; foo, permessage-deflate; server_max_window_bits=10, permessage-deflate"));
    }

    @Test
    void autobahnCase137OffersAreTakenInOrder() throws HandshakeException {
        assertEquals("permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                + "server_max_window_bits=9", answer(PerMessageDeflateOptions.DEFAULTS,
                "permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; "
                + "server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; "
                + "server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits"));
    }

    @Test
    void allOffersInvalidMeansNoExtension() throws HandshakeException {
        try (PerMessageDeflate deflate = PerMessageDeflate.create()) {
            assertEquals(Optional.empty(), deflate.acceptOffer(ExtensionOffer.parseHeader(
                    "permessage-deflate; a, permessage-deflate; server_max_window_bits=99")));
        }
    }

    @ParameterizedTest(name = "{1} with {0} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "broadcast          | permessage-deflate                             | permessage-deflate; server_no_context_takeover",
        "clientNoContext    | permessage-deflate                             | permessage-deflate; client_no_context_takeover",
        "serverWindow10     | permessage-deflate                             | permessage-deflate; server_max_window_bits=10",
        "serverWindow10     | permessage-deflate; server_max_window_bits=12  | permessage-deflate; server_max_window_bits=10",
        "serverWindow10     | permessage-deflate; server_max_window_bits=9   | permessage-deflate; server_max_window_bits=9",
        "clientWindow10     | permessage-deflate; client_max_window_bits     | permessage-deflate; client_max_window_bits=10",
        "clientWindow10     | permessage-deflate; client_max_window_bits=12  | permessage-deflate; client_max_window_bits=10",
        "clientWindow10     | permessage-deflate; client_max_window_bits=9   | permessage-deflate; client_max_window_bits=9",
        "clientWindow10     | permessage-deflate                             | permessage-deflate",
    })
    void optionsShapeTheResponse(String preset, String offer, String response) throws HandshakeException {
        PerMessageDeflateOptions.Builder options = PerMessageDeflateOptions.builder();
        switch (preset) {
            case "broadcast" -> options.forBroadcast();
            case "clientNoContext" -> options.clientNoContextTakeover(true);
            case "serverWindow10" -> options.serverMaxWindowBits(10);
            case "clientWindow10" -> options.clientMaxWindowBits(10);
            default -> throw new IllegalArgumentException(preset);
        }
        assertEquals(response, answer(options.build(), offer));
    }

    @Test
    void agreedParametersDecideOurCompressorAndTheirs() throws HandshakeException {
        try (PerMessageDeflate deflate = PerMessageDeflate.create()) {
            DeflateExtension extension = (DeflateExtension) deflate.acceptOffer(ExtensionOffer.parseHeader(
                    "permessage-deflate; server_max_window_bits=9; client_no_context_takeover")).orElseThrow();
            DeflateParameters agreed = extension.parameters();
            assertEquals(9, agreed.windowBits(org.campusmirror.ws.protocol.Role.SERVER));
            assertEquals(15, agreed.windowBits(org.campusmirror.ws.protocol.Role.CLIENT));
            assertTrue(agreed.noContextTakeover(org.campusmirror.ws.protocol.Role.CLIENT));
            assertEquals(org.campusmirror.ws.protocol.Frame.RSV1, extension.rsvBits());
            extension.close();
        }
    }

    private static String answer(PerMessageDeflateOptions options, String offerHeader) throws HandshakeException {
        try (PerMessageDeflate deflate = PerMessageDeflate.create(options)) {
            List<ExtensionOffer> offers = ExtensionOffer.parseHeader(offerHeader);
            Extension extension = deflate.acceptOffer(offers).orElseThrow(() -> new AssertionError("declined"));
            try {
                return extension.negotiated().toString();
            } finally {
                extension.close();
            }
        }
    }
}
