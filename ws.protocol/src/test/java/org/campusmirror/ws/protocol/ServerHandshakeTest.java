package org.campusmirror.ws.protocol;

import static org.campusmirror.ws.protocol.HttpHeadParserTest.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The server's opening handshake (RFC 6455 sections 4.2.1, 4.2.2, 4.4), good and each bad variant. */
class ServerHandshakeTest {
    /** The request of RFC 6455 section 1.3 (with the key of section 4.2.2's example). */
    static final String RFC_REQUEST = "GET /chat HTTP/1.1\r\n"
            + "Host: server.example.com\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Origin: http://example.com\r\n"
            + "Sec-WebSocket-Protocol: chat, superchat\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n";

    private final ServerHandshake handshake = ServerHandshake.builder().subprotocols(List.of("superchat", "chat")).build();

    @Test
    void rfc6455Section13RequestGetsTheExpectedAccept() throws Exception {
        ServerHandshake.Accepted accepted = handshake.accept(request(RFC_REQUEST));
        String response = StandardCharsets.ISO_8859_1.decode(accepted.response()).toString();
        assertEquals("HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                + "Sec-WebSocket-Protocol: chat\r\n\r\n", response);
        assertEquals(13, accepted.version());
        assertEquals("http://example.com", accepted.origin());
        assertEquals("/chat", accepted.request().path());
    }

    @Test
    void clientPreferenceDecidesTheSubprotocol() throws Exception {
        assertEquals("chat", handshake.accept(request(RFC_REQUEST)).subprotocol());
    }

    @Test
    void noSubprotocolWhenNoneMatches() throws Exception {
        ServerHandshake plain = ServerHandshake.builder().build();
        ServerHandshake.Accepted accepted = plain.accept(request(RFC_REQUEST));
        assertNull(accepted.subprotocol());
        assertTrue(!StandardCharsets.ISO_8859_1.decode(accepted.response()).toString().contains("Sec-WebSocket-Protocol"));
    }

    @Test
    void hybiVersion8IsAcceptedWithSecWebSocketOrigin() throws Exception {
        String hybi = RFC_REQUEST.replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 8")
                .replace("Origin: http://example.com", "Sec-WebSocket-Origin: http://hybi.example");
        ServerHandshake.Accepted accepted = handshake.accept(request(hybi));
        assertEquals(8, accepted.version());
        assertEquals("http://hybi.example", accepted.origin());
    }

    @Test
    void connectionAndUpgradeAreCaseInsensitiveTokenLists() throws Exception {
        String variant = RFC_REQUEST.replace("Upgrade: websocket", "Upgrade: WebSocket")
                .replace("Connection: Upgrade", "Connection: keep-alive, upgrade");
        assertEquals(13, handshake.accept(request(variant)).version());
    }

    @Test
    void extraResponseHeadersAreAppended() throws Exception {
        ServerHandshake.Accepted accepted = handshake.accept(request(RFC_REQUEST)).withHeader("Set-Cookie", "a=b");
        assertTrue(StandardCharsets.ISO_8859_1.decode(accepted.response()).toString().endsWith("Set-Cookie: a=b\r\n\r\n"));
    }

    @Test
    void unsupportedVersionIs426WithTheSupportedVersions() {
        HandshakeException e = assertThrows(HandshakeException.class,
                () -> handshake.accept(request(RFC_REQUEST.replace("Version: 13", "Version: 12"))));
        assertEquals(426, e.status());
        assertEquals(List.of(new HttpHeader("Sec-WebSocket-Version", "13, 8")), e.headers());
        String response = StandardCharsets.UTF_8.decode(e.rejection().toBytes()).toString();
        assertTrue(response.startsWith("HTTP/1.1 426 Upgrade Required\r\n"), response);
        assertTrue(response.contains("\r\nSec-WebSocket-Version: 13, 8\r\n"), response);
    }

    /** One defect per request, with the status it must get. */
    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "POST instead of GET          | GET /chat        | POST /chat              | 405",
        "HTTP/1.0                     | HTTP/1.1\\r\\nHost | HTTP/1.0\\r\\nHost        | 400",
        "no Host                      | Host: server.example.com\\r\\n | ''           | 400",
        "no Upgrade                   | Upgrade: websocket\\r\\n | ''                 | 400",
        "Upgrade: h2c                 | Upgrade: websocket | Upgrade: h2c           | 400",
        "no Connection                | Connection: Upgrade\\r\\n | ''                | 400",
        "Connection: keep-alive       | Connection: Upgrade | Connection: keep-alive | 400",
        "no key                       | Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\\r\\n | '' | 400",
        "key of 15 bytes              | dGhlIHNhbXBsZSBub25jZQ== | dGhlIHNhbXBsZSBub25jZQ | 400",
        "key not base64               | dGhlIHNhbXBsZSBub25jZQ== | dGhlIHNhbXBsZSBub25j*Q== | 400",
        "no version                   | Sec-WebSocket-Version: 13\\r\\n | ''          | 426",
        "version 7                    | Sec-WebSocket-Version: 13 | Sec-WebSocket-Version: 7 | 426",
        "subprotocol not a token      | chat, superchat | chat, super chat         | 400",
        "subprotocol twice            | chat, superchat | chat, chat               | 400",
        "malformed extensions         | Sec-WebSocket-Version: 13 | Sec-WebSocket-Version: 13\\r\\nSec-WebSocket-Extensions: ;x | 400",
    })
    void defectiveRequestGetsItsStatus(String defect, String find, String replace, int status) {
        String broken = RFC_REQUEST.replace(find.replace("\\r\\n", "\r\n"), replace.replace("\\r\\n", "\r\n"));
        ServerHandshake withExtensions = ServerHandshake.builder().extensions(List.of(new RunLengthExtension.Factory())).build();
        HandshakeException e = assertThrows(HandshakeException.class, () -> withExtensions.accept(request(broken)), defect);
        assertEquals(status, e.status(), defect);
    }

    @Test
    void repeatedKeyIs400() {
        String twice = RFC_REQUEST.replace("Origin:", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin:");
        assertEquals(400, assertThrows(HandshakeException.class, () -> handshake.accept(request(twice))).status());
    }

    @Test
    void refusedOriginIs403() {
        ServerHandshake strict = ServerHandshake.builder().originPolicy("https://mirror.example"::equals).build();
        assertEquals(403, assertThrows(HandshakeException.class, () -> strict.accept(request(RFC_REQUEST))).status());
    }

    @Test
    void originPolicySeesNullWithoutOrigin() throws Exception {
        ServerHandshake nullOnly = ServerHandshake.builder().originPolicy(origin -> origin == null).build();
        assertEquals(13, nullOnly.accept(request(RFC_REQUEST.replace("Origin: http://example.com\r\n", ""))).version());
    }

    @Test
    void extensionIsNegotiatedFromTheFirstAcceptableOffer() throws Exception {
        ServerHandshake withRle = ServerHandshake.builder().extensions(List.of(new RunLengthExtension.Factory())).build();
        String offers = RFC_REQUEST.replace("Sec-WebSocket-Version: 13",
                "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Extensions: x-unknown, x-rle; bad, x-rle; level=\"2\"");
        ServerHandshake.Accepted accepted = withRle.accept(request(offers));
        assertEquals(1, accepted.extensions().size());
        assertTrue(StandardCharsets.ISO_8859_1.decode(accepted.response()).toString()
                .contains("\r\nSec-WebSocket-Extensions: x-rle; level=2\r\n"));
    }

    @Test
    void declinedExtensionIsLeftOut() throws Exception {
        ServerHandshake withRle = ServerHandshake.builder().extensions(List.of(new RunLengthExtension.Factory())).build();
        String offers = RFC_REQUEST.replace("Sec-WebSocket-Version: 13",
                "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Extensions: x-rle; bad");
        assertEquals(List.of(), withRle.accept(request(offers)).extensions());
    }

    @Test
    void rejectionBytesAreAWellFormedResponse() {
        String response = StandardCharsets.UTF_8.decode(HandshakeRejection.of(404).toBytes()).toString();
        assertEquals("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: 9\r\n\r\nNot Found", response);
    }

    static HttpRequestHead request(String text) throws HandshakeException {
        return new HttpHeadParser(16 << 10).parseRequest(ascii(text));
    }
}
