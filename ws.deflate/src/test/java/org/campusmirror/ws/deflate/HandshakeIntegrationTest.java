package org.campusmirror.ws.deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.campusmirror.ws.protocol.ClientHandshake;
import org.campusmirror.ws.protocol.HandshakeException;
import org.campusmirror.ws.protocol.HttpRequestHead;
import org.campusmirror.ws.protocol.ServerHandshake;
import org.junit.jupiter.api.Test;

/** permessage-deflate through the engine's real opening handshakes (RFC 6455 section 4, RFC 7692 section 5). */
class HandshakeIntegrationTest {

    @Test
    void clientOffersAndServerAcceptsInTheHeaders() throws HandshakeException {
        try (PerMessageDeflate serverDeflate = PerMessageDeflate.create(PerMessageDeflateOptions.builder().forBroadcast().build());
                PerMessageDeflate clientDeflate = PerMessageDeflate.create()) {
            ClientHandshake client = ClientHandshake.builder("mirror.local:8081", "/mirror")
                    .extensions(List.of(clientDeflate)).build();
            String request = text(client.request());
            assertTrue(request.contains("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"), request);

            ServerHandshake server = ServerHandshake.builder().extensions(List.of(serverDeflate)).build();
            HttpRequestHead head = server.newRequestParser().parseRequest(client.request());
            ServerHandshake.Accepted accepted = server.accept(head);
            String response = text(accepted.response());
            assertTrue(response.contains("Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover\r\n"),
                    response);

            ClientHandshake.Accepted answered = client.validate(client.newResponseParser().parseResponse(accepted.response()));
            DeflateExtension onClient = assertInstanceOf(DeflateExtension.class, answered.extensions().get(0));
            assertTrue(onClient.parameters().serverNoContextTakeover());
            onClient.close();
            accepted.discard();
        }
    }

    @Test
    void invalidOfferLeavesTheHandshakeWithoutTheExtension() throws HandshakeException {
        try (PerMessageDeflate serverDeflate = PerMessageDeflate.create()) {
            ServerHandshake server = ServerHandshake.builder().extensions(List.of(serverDeflate)).build();
            String request = "GET /mirror HTTP/1.1\r\nHost: mirror.local\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=20\r\n\r\n";
            HttpRequestHead head = server.newRequestParser().parseRequest(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ServerHandshake.Accepted accepted = server.accept(head);
            assertEquals(List.of(), accepted.extensions());
            assertTrue(!text(accepted.response()).contains("Sec-WebSocket-Extensions"));
        }
    }

    @Test
    void clientFailsTheHandshakeOnAResponseItDidNotAllow() throws HandshakeException {
        try (PerMessageDeflate clientDeflate = PerMessageDeflate.create()) {
            ClientHandshake client = ClientHandshake.builder("mirror.local:8081", "/mirror")
                    .extensions(List.of(clientDeflate)).build();
            String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + acceptFor(client.key()) + "\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; mystery_parameter\r\n\r\n";
            var head = client.newResponseParser().parseResponse(ByteBuffer.wrap(response.getBytes(StandardCharsets.US_ASCII)));
            assertThrows(HandshakeException.class, () -> client.validate(head));
        }
    }

    /** RFC 6455 section 4.2.2: base64(SHA-1(key + GUID)). */
    private static String acceptFor(String key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            return java.util.Base64.getEncoder().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(ByteBuffer bytes) {
        return StandardCharsets.US_ASCII.decode(bytes.duplicate()).toString();
    }
}
