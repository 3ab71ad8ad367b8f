package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The incremental HTTP/1.1 head parser of the opening handshake (RFC 9112 sections 2-5). */
class HttpHeadParserTest {
    private static final String REQUEST = "GET /chat?room=1 HTTP/1.1\r\nHost: server.example.com\r\n"
            + "Upgrade: websocket\r\nConnection: Upgrade\r\n\r\n";

    @Test
    void parsesRequestLineAndHeadersInOrder() throws Exception {
        HttpRequestHead head = new HttpHeadParser(1024).parseRequest(ascii(REQUEST));
        assertEquals("GET", head.method());
        assertEquals("/chat?room=1", head.target());
        assertEquals("/chat", head.path());
        assertEquals("HTTP/1.1", head.version());
        assertEquals(List.of(new HttpHeader("Host", "server.example.com"), new HttpHeader("Upgrade", "websocket"),
                new HttpHeader("Connection", "Upgrade")), head.headers());
    }

    @Test
    void headArrivingOneByteAtATimeIsParsedOnTheLastByte() throws Exception {
        HttpHeadParser parser = new HttpHeadParser(1024);
        byte[] bytes = REQUEST.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length - 1; i++) {
            assertNull(parser.parseRequest(ByteBuffer.wrap(bytes, i, 1)));
        }
        assertEquals("GET", parser.parseRequest(ByteBuffer.wrap(bytes, bytes.length - 1, 1)).method());
    }

    @Test
    void bytesAfterTheHeadStayInTheBuffer() throws Exception {
        ByteBuffer in = ascii(REQUEST + "\u0081\u0000");
        new HttpHeadParser(1024).parseRequest(in);
        assertEquals(2, in.remaining());
    }

    @Test
    void headerLookupIgnoresCaseAndSplitsLists() throws Exception {
        HttpRequestHead head = new HttpHeadParser(1024).parseRequest(ascii(
                "GET / HTTP/1.1\r\nconnection: keep-alive, Upgrade\r\nX-A: 1\r\nX-a: 2\r\n\r\n"));
        assertEquals(true, head.listHeaderContains("Connection", "upgrade"));
        assertEquals("1, 2", head.joinedHeader("x-a"));
        assertNull(head.singleHeader("X-A"), "repeated header has no single value");
    }

    @Test
    void bareLineFeedsAndALeadingEmptyLineAreAccepted() throws Exception {
        HttpRequestHead head = new HttpHeadParser(1024).parseRequest(ascii("\r\nGET / HTTP/1.1\nHost: a\n\n"));
        assertEquals("a", head.singleHeader("Host"));
    }

    @Test
    void endlessEmptyLinesBeforeTheRequestLineAre431() {
        HttpHeadParser parser = new HttpHeadParser(256);
        HandshakeException e = assertThrows(HandshakeException.class, () -> {
            for (int i = 0; i < 1000; i++) {
                parser.parseRequest(ascii("\r\n"));
            }
        });
        assertEquals(431, e.status());
    }

    @Test
    void parsesAResponse() throws Exception {
        HttpResponseHead head = new HttpHeadParser(1024).parseResponse(ascii(
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"));
        assertEquals(101, head.status());
        assertEquals("Switching Protocols", head.reason());
    }

    @Test
    void headOverTheLimitIs431() {
        HttpHeadParser parser = new HttpHeadParser(64);
        HandshakeException e = assertThrows(HandshakeException.class,
                () -> parser.parseRequest(ascii("GET / HTTP/1.1\r\nX-Long: " + "a".repeat(100))));
        assertEquals(431, e.status());
    }

    @Test
    void endlessHeadIsRefusedWithoutHoldingMoreThanTheLimit() throws Exception {
        HttpHeadParser parser = new HttpHeadParser(16 << 10);
        ByteBuffer junk = ascii("GET / HTTP/1.1\r\n" + "X: y\r\n".repeat(5000));
        long allocated = Allocations.measure(() ->
                assertEquals(431, assertThrows(HandshakeException.class, () -> parser.parseRequest(junk)).status()));
        assertEquals(true, allocated < (64 << 10), "allocated " + allocated);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "GET /\r\n\r\n",                            // no version
        "GET  / HTTP/1.1\r\n\r\n",                  // two spaces
        "GET / HTTP/1.1 \r\n\r\n",                  // trailing space
        "GET / HTTPS/1.1\r\n\r\n",                  // not HTTP
        "G(T / HTTP/1.1\r\n\r\n",                   // method not a token
        "GET / HTTP/1.1\r\nHost : a\r\n\r\n",       // space before the colon
        "GET / HTTP/1.1\r\nNoColon\r\n\r\n",
        "GET / HTTP/1.1\r\nX: a\r\n folded\r\n\r\n", // obsolete line folding
        "GET / HTTP/1.1\r\nX: a\rb\r\n\r\n",        // bare CR
        "GET / HTTP/1.1\r\nX: a\u0001b\r\n\r\n",    // control character
    })
    void malformedRequestIs400(String request) {
        HandshakeException e = assertThrows(HandshakeException.class, () -> new HttpHeadParser(1024).parseRequest(ascii(request)));
        assertEquals(400, e.status());
    }

    @Test
    void failedParserStaysFailed() {
        HttpHeadParser parser = new HttpHeadParser(1024);
        assertThrows(HandshakeException.class, () -> parser.parseRequest(ascii("BAD\r\n\r\n")));
        assertThrows(HandshakeException.class, () -> parser.parseRequest(ascii(REQUEST)));
    }

    static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
