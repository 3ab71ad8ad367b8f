package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The Sec-WebSocket-Extensions grammar of RFC 6455 section 9.1, with RFC 7692 section 5 style offers. */
class ExtensionOfferTest {

    @Test
    void severalOffersWithParametersAndQuotedValues() throws Exception {
        List<ExtensionOffer> offers = ExtensionOffer.parseHeader(
                "permessage-deflate; client_max_window_bits; server_max_window_bits=\"10\" ,permessage-deflate,x-webkit\t; a=b");
        assertEquals(List.of(
                new ExtensionOffer("permessage-deflate", List.of(ExtensionParameter.flag("client_max_window_bits"),
                        new ExtensionParameter("server_max_window_bits", "10"))),
                ExtensionOffer.of("permessage-deflate"),
                new ExtensionOffer("x-webkit", List.of(new ExtensionParameter("a", "b")))), offers);
    }

    @Test
    void duplicateParametersAreKeptForTheExtensionToJudge() throws Exception {
        ExtensionOffer offer = ExtensionOffer.parseHeader("permessage-deflate; server_no_context_takeover; server_no_context_takeover").get(0);
        assertEquals(2, offer.parameters("server_no_context_takeover").size());
    }

    @Test
    void escapedQuotedValueIsUnescaped() throws Exception {
        assertEquals("15", ExtensionOffer.parseHeader("e; v=\"1\\5\"").get(0).parameters().get(0).value());
    }

    @Test
    void emptyListElementsAreSkipped() throws Exception {
        assertEquals(2, ExtensionOffer.parseHeader(", a ,, b,").size());
    }

    @Test
    void formatsAsTheServerResponds() {
        assertEquals("permessage-deflate; server_no_context_takeover; client_max_window_bits=10, x",
                ExtensionOffer.formatHeader(List.of(new ExtensionOffer("permessage-deflate",
                        List.of(ExtensionParameter.flag("server_no_context_takeover"),
                                new ExtensionParameter("client_max_window_bits", "10"))), ExtensionOffer.of("x"))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", " ", ";", "a;", "a; =1", "a; b=", "a; b=\"1", "a; b=\"1 2\"", "a; b=\"\"", "a b", "a; b=1 2",
        "a; b=c=d", "a@b", "a; b=\"x\\\""})
    void malformedHeaderIs400(String header) {
        assertEquals(400, assertThrows(HandshakeException.class, () -> ExtensionOffer.parseHeader(header)).status());
    }
}
