package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Whole connections under random traffic: messages survive any fragmentation and split, garbage is contained. */
class ConnectionPropertiesTest {

    /** A message to send: text or binary content, cut into fragments at the given sizes, pings in between. */
    record Message(boolean text, String content, List<Integer> fragmentSizes, boolean pingBetweenFragments) {
    }

    @Property(tries = 300)
    void messagesArriveIntactWhateverTheFragmentationAndSplit(@ForAll("messages") @Size(min = 1, max = 6) List<Message> messages,
            @ForAll Role sender, @ForAll MessageDelivery delivery, @ForAll long splitSeed) {
        RecordingListener ignored = new RecordingListener();
        WebSocketConnection from = WebSocketConnection.builder(sender).listener(ignored).build();
        RecordingListener received = new RecordingListener();
        Role receiver = sender == Role.CLIENT ? Role.SERVER : Role.CLIENT;
        WebSocketConnection to = WebSocketConnection.builder(receiver).listener(received).delivery(delivery).build();

        List<String> expected = new ArrayList<>();
        for (Message m : messages) {
            send(from, m);
            expected.addAll(expectedEvents(m, delivery));
        }
        for (ByteBuffer piece : FramePropertiesTest.split(new Wire(from).drain(), new Random(splitSeed))) {
            to.receive(piece);
        }
        assertEquals(expected, streamedTextJoined(received.events, delivery));
    }

    @Property(tries = 1000)
    void garbageNeverEscapesAsAnExceptionAndAllocatesBoundedMemory(@ForAll @Size(max = 600) byte[] garbage,
            @ForAll Role role, @ForAll MessageDelivery delivery, @ForAll long splitSeed) throws Exception {
        RecordingListener events = new RecordingListener();
        WebSocketConnection connection = WebSocketConnection.builder(role).listener(events).delivery(delivery).build();
        long allocated = Allocations.measure(() -> {
            for (ByteBuffer piece : FramePropertiesTest.split(ByteBuffer.wrap(garbage), new Random(splitSeed))) {
                connection.receive(piece);
                assertTrue(!piece.hasRemaining());
            }
        });
        assertTrue(allocated < (128 << 10) + 1024L * garbage.length, "allocated " + allocated);
        for (String event : events.events) {
            if (event.startsWith("error:")) {
                assertTrue(List.of("error:1002", "error:1007", "error:1009").contains(event), event);
                assertTrue(connection.shouldCloseTransport());
            }
        }
        // Output is at most a pong per ping that came in (a client's masked pong to an empty 2-byte ping is 6
        // bytes: three times its input) plus one close frame (at most 8 bytes).
        assertTrue(connection.bufferedAmount() <= 3L * garbage.length + 8, "queued " + connection.bufferedAmount());
    }

    @Property(tries = 500)
    void garbageHandshakeIsRejectedWithAStatusOrWaitsForMore(@ForAll @Size(max = 300) byte[] garbage) {
        ServerHandshake handshake = ServerHandshake.builder().limits(ProtocolLimits.DEFAULTS.withMaxHandshakeBytes(256)).build();
        try {
            HttpRequestHead head = handshake.newRequestParser().parseRequest(ByteBuffer.wrap(garbage));
            if (head != null) {
                handshake.accept(head);
            }
        } catch (HandshakeException e) {
            assertTrue(List.of(400, 405, 426, 431).contains(e.status()), "status " + e.status());
        }
    }

    @Property(tries = 300)
    void validTextIsAcceptedAndAnyOneByteCorruptionIsJudgedLikeTheJdk(@ForAll String text, @ForAll int position,
            @ForAll byte replacement) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertTrue(Utf8Validator.isValid(ByteBuffer.wrap(bytes)));
        if (bytes.length > 0) {
            bytes[Math.floorMod(position, bytes.length)] = replacement;
            assertEquals(Utf8Reference.isValid(bytes), Utf8Validator.isValid(ByteBuffer.wrap(bytes)));
        }
    }

    @Provide
    Arbitrary<List<Message>> messages() {
        Arbitrary<String> content = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(20_000));
        Arbitrary<List<Integer>> sizes = Arbitraries.integers().between(0, 400).list().ofMaxSize(5);
        return Combinators.combine(Arbitraries.of(true, false), content, sizes, Arbitraries.of(true, false))
                .as(Message::new).list();
    }

    private static void send(WebSocketConnection from, Message m) {
        ByteBuffer bytes = ByteBuffer.wrap(payload(m));
        OpCode type = m.text() ? OpCode.TEXT : OpCode.BINARY;
        if (m.fragmentSizes().isEmpty()) {
            if (m.text()) {
                from.sendText(m.content());
            } else {
                from.sendBinary(bytes);
            }
            return;
        }
        // Binary fragments may cut anywhere; text fragments too, since the validator accepts split code points.
        OutgoingMessage out = from.startMessage(type);
        for (int size : m.fragmentSizes()) {
            int n = Math.min(size, bytes.remaining());
            out.send(bytes.duplicate().limit(bytes.position() + n));
            bytes.position(bytes.position() + n);
            if (m.pingBetweenFragments()) {
                from.ping(Hex.buffer("70"));
            }
        }
        out.finish(bytes);
    }

    private static byte[] payload(Message m) {
        return m.content().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> expectedEvents(Message m, MessageDelivery delivery) {
        List<String> events = new ArrayList<>();
        String body = m.text() ? "text:" + new String(payload(m), StandardCharsets.UTF_8) : "binary:" + Hex.of(payload(m));
        if (m.pingBetweenFragments()) {
            m.fragmentSizes().forEach(s -> events.add("ping:70"));
        }
        events.add(body);
        return events;
    }

    /**
     * Folds streamed events (start, data..., end) into the whole-message form, so both deliveries compare with
     * the same expectation; pings stay where they were received, before the end of the message.
     */
    private static List<String> streamedTextJoined(List<String> events, MessageDelivery delivery) {
        if (delivery == MessageDelivery.WHOLE_MESSAGES) {
            return events;
        }
        List<String> folded = new ArrayList<>();
        StringBuilder hex = null;
        boolean text = false;
        for (String e : events) {
            if (e.startsWith("start:")) {
                hex = new StringBuilder();
                text = e.equals("start:TEXT");
            } else if (e.startsWith("data:")) {
                hex.append(e.substring(5));
            } else if (e.equals("end")) {
                byte[] bytes = Hex.bytes(hex.toString());
                folded.add(text ? "text:" + new String(bytes, StandardCharsets.UTF_8) : "binary:" + Hex.of(bytes));
                hex = null;
            } else {
                folded.add(e);
            }
        }
        return folded;
    }
}
