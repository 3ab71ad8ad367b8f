package org.campusmirror.ws.protocol;

import static org.campusmirror.ws.protocol.HttpHeadParserTest.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.campusmirror.ws.protocol.internal.HandshakeHeaders;
import org.junit.jupiter.api.Test;

/** The client's opening handshake (RFC 6455 section 4.1): the request it builds and the responses it refuses. */
class ClientHandshakeTest {
    private final RunLengthExtension.Factory rle = new RunLengthExtension.Factory();
    private final ClientHandshake handshake = ClientHandshake.builder("server.example.com", "/chat")
            .origin("http://example.com").subprotocols(List.of("chat", "superchat")).extensions(List.of(rle)).build();

    @Test
    void requestCarriesEveryRequiredHeader() throws Exception {
        String request = StandardCharsets.ISO_8859_1.decode(handshake.request()).toString();
        assertTrue(request.startsWith("GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + handshake.key() + "\r\nSec-WebSocket-Version: 13\r\n"
                + "Origin: http://example.com\r\nSec-WebSocket-Protocol: chat, superchat\r\n"
                + "Sec-WebSocket-Extensions: x-rle; level=2\r\n"), request);
        assertTrue(request.endsWith("\r\n\r\n"));
        assertEquals(16, Base64.getDecoder().decode(handshake.key()).length);
    }

    @Test
    void everyHandshakeHasItsOwnKey() {
        assertNotEquals(handshake.key(), ClientHandshake.builder("a", "/").build().key());
    }

    @Test
    void ourRequestIsAcceptedByOurServer() throws Exception {
        ServerHandshake server = ServerHandshake.builder().subprotocols(List.of("superchat"))
                .extensions(List.of(new RunLengthExtension.Factory())).build();
        ServerHandshake.Accepted accepted = server.accept(new HttpHeadParser(4096).parseRequest(handshake.request()));
        ClientHandshake.Accepted answer = handshake.validate(new HttpHeadParser(4096).parseResponse(accepted.response()));
        assertEquals("superchat", answer.subprotocol());
        assertEquals("x-rle", answer.extensions().get(0).negotiated().name());
    }

    @Test
    void version8ClientSendsSecWebSocketOrigin() {
        String request = StandardCharsets.ISO_8859_1.decode(ClientHandshake.builder("h", "/").version(8)
                .origin("http://o").build().request()).toString();
        assertTrue(request.contains("Sec-WebSocket-Version: 8\r\n") && request.contains("Sec-WebSocket-Origin: http://o\r\n"));
    }

    @Test
    void minimalValidResponseIsAccepted() throws Exception {
        ClientHandshake.Accepted accepted = handshake.validate(response(""));
        assertNull(accepted.subprotocol());
        assertEquals(List.of(), accepted.extensions());
    }

    @Test
    void statusOtherThan101FailsWithThatStatus() {
        HandshakeException e = assertThrows(HandshakeException.class, () -> handshake.validate(
                parse("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")));
        assertEquals(403, e.status());
    }

    @Test
    void wrongAcceptFails() {
        assertThrows(HandshakeException.class, () -> handshake.validate(parse("HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n")));
    }

    @Test
    void missingUpgradeOrConnectionFails() {
        String accept = HandshakeHeaders.acceptFor(handshake.key());
        assertThrows(HandshakeException.class, () -> handshake.validate(parse("HTTP/1.1 101 x\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n")));
        assertThrows(HandshakeException.class, () -> handshake.validate(parse("HTTP/1.1 101 x\r\n"
                + "Upgrade: websocket\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n")));
    }

    @Test
    void subprotocolWeDidNotOfferFails() {
        assertThrows(HandshakeException.class, () -> handshake.validate(response("Sec-WebSocket-Protocol: other\r\n")));
    }

    @Test
    void subprotocolWeOfferedIsTaken() throws Exception {
        assertEquals("superchat", handshake.validate(response("Sec-WebSocket-Protocol: superchat\r\n")).subprotocol());
    }

    @Test
    void extensionWeDidNotOfferFails() {
        assertThrows(HandshakeException.class, () -> handshake.validate(response("Sec-WebSocket-Extensions: x-other\r\n")));
    }

    @Test
    void extensionAcceptedTwiceFailsAndClosesWhatWasCreated() {
        assertThrows(HandshakeException.class, () -> handshake.validate(
                response("Sec-WebSocket-Extensions: x-rle; level=1, x-rle; level=2\r\n")));
        assertEquals(1, rle.created.closeCalls);
    }

    @Test
    void extensionResponseTheFactoryRefusesFails() {
        assertThrows(HandshakeException.class, () -> handshake.validate(response("Sec-WebSocket-Extensions: x-rle; odd\r\n")));
    }

    @Test
    void otherVersionInTheResponseFails() {
        assertThrows(HandshakeException.class, () -> handshake.validate(response("Sec-WebSocket-Version: 8\r\n")));
    }

    @Test
    void framesRightAfterThe101StayForTheConnection() throws Exception {
        ByteBuffer in = ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + HandshakeHeaders.acceptFor(handshake.key()) + "\r\n\r\n\u0081\u0002hi");
        HttpResponseHead head = handshake.newResponseParser().parseResponse(in);
        RecordingListener events = new RecordingListener();
        WebSocketConnection.builder(Role.CLIENT).listener(events).negotiated(handshake.validate(head)).build().receive(in);
        assertEquals(List.of("text:hi"), events.events);
    }

    private HttpResponseHead response(String extraHeaders) throws HandshakeException {
        return parse("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + HandshakeHeaders.acceptFor(handshake.key()) + "\r\n" + extraHeaders + "\r\n");
    }

    private static HttpResponseHead parse(String text) throws HandshakeException {
        return new HttpHeadParser(4096).parseResponse(ascii(text));
    }
}
