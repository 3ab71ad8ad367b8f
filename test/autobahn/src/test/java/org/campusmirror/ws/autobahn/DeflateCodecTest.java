package org.campusmirror.ws.autobahn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;

import org.junit.jupiter.api.Test;

class DeflateCodecTest {

    private static byte[] roundTrip(DeflateCodec sender, DeflateCodec receiver, byte[] message) throws Exception {
        byte[] compressed = sender.compress(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        receiver.startMessage();
        receiver.inflate(ByteBuffer.wrap(compressed), (bytes, length) -> out.write(bytes, 0, length));
        receiver.endMessage((bytes, length) -> out.write(bytes, 0, length));
        return out.toByteArray();
    }

    private static final int LEVEL = PeerOptions.defaults().compressionLevel();

    @Test
    void compressionLevelFromTheOptionsIsUsed() throws Exception {
        DeflateNegotiation.Parameters params = new DeflateNegotiation.Parameters(false, false, 0, 0);
        byte[] message = Arrays.copyOf(TestData.JSON.bytes(), 65536);
        try (DeflateCodec stored = new DeflateCodec(params, true, 0); DeflateCodec fast = new DeflateCodec(params, true, 1);
                DeflateCodec receiver = new DeflateCodec(params, false, 1)) {
            byte[] storedBytes = stored.compress(message);
            assertTrue(storedBytes.length > message.length, "level 0 stores: " + storedBytes.length);
            assertArrayEquals(message, roundTrip(fast, receiver, message));
            assertTrue(fast.compress(message).length < message.length / 2, "level 1 compresses");
        }
        assertThrows(IllegalArgumentException.class, () -> PeerOptions.defaults().withCompressionLevel(10));
    }

    @Test
    void smallWindowCompressesAndInflates() throws Exception {
        DeflateNegotiation.Parameters params = new DeflateNegotiation.Parameters(false, false, 9, 9);
        byte[] message = Arrays.copyOf(TestData.JSON.bytes(), 131072);
        try (DeflateCodec server = new DeflateCodec(params, true, LEVEL); DeflateCodec client = new DeflateCodec(params, false, LEVEL)) {
            byte[] compressed = server.compress(message);
            assertTrue(compressed.length < message.length / 2, "still compresses: " + compressed.length);
            assertArrayEquals(message, roundTrip(server, client, message));
            assertArrayEquals(message, roundTrip(server, client, message), "second message, context kept");
        }
    }

    @Test
    void contextTakenOverAgainstTheAgreementIsCaught() throws Exception {
        DeflateNegotiation.Parameters takeover = new DeflateNegotiation.Parameters(false, false, 0, 0);
        DeflateNegotiation.Parameters none = new DeflateNegotiation.Parameters(true, true, 0, 0);
        byte[] message = Arrays.copyOf(TestData.HTML.bytes(), 4096);
        try (DeflateCodec sender = new DeflateCodec(takeover, true, LEVEL); DeflateCodec receiver = new DeflateCodec(none, false, LEVEL)) {
            roundTrip(sender, receiver, message);
            byte[] second = sender.compress(message);
            receiver.startMessage();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                receiver.inflate(ByteBuffer.wrap(second), (bytes, length) -> out.write(bytes, 0, length));
                receiver.endMessage((bytes, length) -> out.write(bytes, 0, length));
                assertNotEquals(message.length, out.size(), "a back-reference into the old message cannot resolve");
            } catch (DataFormatException expected) {
                // the usual outcome: invalid distance too far back
            }
        }
    }

    @Test
    void responseMustAnswerTheOffer() {
        List<DeflateNegotiation.Offer> offers = List.of(DeflateNegotiation.Offer.requesting(true, 9));
        assertThrows(IllegalArgumentException.class,
                () -> DeflateNegotiation.Parameters.fromResponse(Map.of(), offers), "server_no_context_takeover missing");
        Map<String, String> response = new java.util.LinkedHashMap<>();
        response.put("server_no_context_takeover", null);
        response.put("server_max_window_bits", "9");
        DeflateNegotiation.Parameters accepted = DeflateNegotiation.Parameters.fromResponse(response, offers);
        assertTrue(accepted.serverNoContextTakeover());
        assertTrue(accepted.windowBits(true) == 9);
        response.put("server_max_window_bits", "10");
        assertThrows(IllegalArgumentException.class,
                () -> DeflateNegotiation.Parameters.fromResponse(response, offers), "window above the offer");
    }
}
