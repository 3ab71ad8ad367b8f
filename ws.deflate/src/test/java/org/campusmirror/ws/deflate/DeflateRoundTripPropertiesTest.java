package org.campusmirror.ws.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import org.campusmirror.ws.protocol.MessageDelivery;
import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.protocol.OutgoingMessage;
import org.campusmirror.ws.protocol.WebSocketConnection;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the agreed parameters (context takeover on or off each way, any window 8..15 each way, any
 * threshold), whatever the messages (sizes, compressibility, fragmentation on send) and however the wire is
 * chopped on receive, every message arrives as it was sent, in both directions.
 */
class DeflateRoundTripPropertiesTest {

    /** One side's configuration as a client would offer and a server answer it. */
    record Setup(boolean serverNoContext, boolean clientNoContext, int serverBits, int clientBits, int threshold,
            MessageDelivery delivery) {
        Peers connect() {
            PerMessageDeflateOptions.Builder client = PerMessageDeflateOptions.builder().threshold(threshold)
                    .serverNoContextTakeover(serverNoContext).clientNoContextTakeover(clientNoContext);
            if (serverBits < 15) {
                client.serverMaxWindowBits(serverBits);
            }
            PerMessageDeflateOptions.Builder server = PerMessageDeflateOptions.builder().threshold(threshold);
            if (clientBits < 15) {
                server.clientMaxWindowBits(clientBits);
            }
            return Peers.builder().serverOptions(server.build()).clientOptions(client.build()).delivery(delivery).build();
        }
    }

    /** A message: its bytes, and the fragment size it is sent in (0: one frame). */
    record Message(byte[] data, int fragmentSize) {
        @Override
        public String toString() {
            return data.length + " bytes" + (fragmentSize > 0 ? " in fragments of " + fragmentSize : "");
        }
    }

    @Property(tries = 150)
    void everyMessageArrivesAsSentBothWays(@ForAll("setups") Setup setup, @ForAll("messages") List<Message> messages,
            @ForAll @IntRange(min = 1, max = 5000) int chop) {
        try (Peers peers = setup.connect()) {
            for (Message m : messages) {
                send(peers.server, m);
                send(peers.client, m);
            }
            deliverChopped(Peers.drain(peers.server), peers.client, chop);
            deliverChopped(Peers.drain(peers.client), peers.server, chop);
            assertEquals(List.of(), peers.clientEvents.errors);
            assertEquals(List.of(), peers.serverEvents.errors);
            assertEquals(messages.size(), peers.clientEvents.messages.size());
            assertEquals(messages.size(), peers.serverEvents.messages.size());
            for (int i = 0; i < messages.size(); i++) {
                assertArrayEquals(messages.get(i).data(), peers.clientEvents.messages.get(i).data(), "to client #" + i);
                assertArrayEquals(messages.get(i).data(), peers.serverEvents.messages.get(i).data(), "to server #" + i);
            }
        }
    }

    @Provide
    Arbitrary<Setup> setups() {
        Arbitrary<Integer> bits = Arbitraries.integers().between(8, 15);
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), bits, bits,
                Arbitraries.of(0, 16, 1024), Arbitraries.of(MessageDelivery.class)).as(Setup::new);
    }

    @Provide
    Arbitrary<List<Message>> messages() {
        Arbitrary<byte[]> data = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 70_000).flatMap(size ->
                        Arbitraries.longs().map(seed -> CompressionTest.json(size, seed))),
                Arbitraries.integers().between(0, 3_000).flatMap(size ->
                        Arbitraries.longs().map(seed -> random(size, seed))),
                Arbitraries.integers().between(0, 40_000).flatMap(size ->
                        Arbitraries.longs().map(seed -> runs(size, seed))));
        Arbitrary<Integer> fragment = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 20_000));
        return Combinators.combine(data, fragment).as(Message::new).list().ofMinSize(1).ofMaxSize(6);
    }

    private static void send(WebSocketConnection connection, Message m) {
        if (m.fragmentSize() == 0) {
            connection.sendBinary(ByteBuffer.wrap(m.data()));
            return;
        }
        OutgoingMessage out = connection.startMessage(OpCode.BINARY);
        int offset = 0;
        while (m.data().length - offset > m.fragmentSize()) {
            out.send(ByteBuffer.wrap(m.data(), offset, m.fragmentSize()));
            offset += m.fragmentSize();
        }
        out.finish(ByteBuffer.wrap(m.data(), offset, m.data().length - offset));
    }

    private static void deliverChopped(ByteBuffer wire, WebSocketConnection to, int chop) {
        while (wire.hasRemaining()) {
            int n = Math.min(chop, wire.remaining());
            byte[] piece = new byte[n];
            wire.get(piece);
            to.receive(ByteBuffer.wrap(piece));
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] runs(int size, long seed) {
        Random random = new Random(seed);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; ) {
            int length = Math.min(size - i, 1 + random.nextInt(300));
            byte value = (byte) random.nextInt(4);
            for (int j = 0; j < length; j++) {
                bytes[i + j] = value;
            }
            i += length;
        }
        return bytes;
    }
}
