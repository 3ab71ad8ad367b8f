package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The extension SPI as the connection drives it (RFC 7692 sections 5-7 framework, RFC 6455 section 9). */
class ConnectionExtensionTest {
    private final RecordingListener events = new RecordingListener();
    private final RunLengthExtension rle = new RunLengthExtension(ExtensionOffer.of("x-rle"), 4);

    private WebSocketConnection server(ProtocolLimits limits, Extension... extensions) {
        return WebSocketConnection.builder(Role.SERVER).listener(events).limits(limits)
                .extensions(List.of(extensions)).build();
    }

    @Test
    void transformedMessageIsDecodedBeforeDelivery() {
        Wire wire = new Wire(server(ProtocolLimits.DEFAULTS, rle));
        wire.send(Frame.of(OpCode.TEXT, Hex.buffer("03 61 01 62")).withRsv(Frame.RSV1));
        assertEquals(List.of("text:aaab"), events.events);
    }

    @Test
    void runsSplitAcrossFragmentsAndReadsAreDecoded() {
        WebSocketConnection server = server(ProtocolLimits.DEFAULTS, rle);
        Wire wire = new Wire(server);
        ByteBuffer first = wire.encode(Frame.fragment(OpCode.BINARY, Hex.buffer("02 ff 03")).withRsv(Frame.RSV1));
        server.receive(first.duplicate().limit(first.limit() - 1));
        server.receive(first.duplicate().position(first.limit() - 1));
        wire.send(Frame.of(OpCode.CONTINUATION, Hex.buffer("00")));
        assertEquals(List.of("binary:ffff000000"), events.events);
    }

    @Test
    void untransformedMessagePassesWhileNegotiated() {
        Wire wire = new Wire(server(ProtocolLimits.DEFAULTS, rle));
        wire.send(Frame.text("plain"));
        assertEquals(List.of("text:plain"), events.events);
    }

    @Test
    void rsv1OnAContinuationFrameFailsWith1002() throws Exception {
        WebSocketConnection server = server(ProtocolLimits.DEFAULTS, rle);
        Wire wire = new Wire(server);
        wire.send(Frame.fragment(OpCode.TEXT, Hex.buffer("01 61")).withRsv(Frame.RSV1),
                Frame.of(OpCode.CONTINUATION, Hex.buffer("01 61")).withRsv(Frame.RSV1));
        assertEquals(List.of("error:1002"), events.events);
    }

    @Test
    void rsvBitOfNoNegotiatedExtensionFailsWith1002() {
        Wire wire = new Wire(server(ProtocolLimits.DEFAULTS, rle));
        wire.send(Frame.of(OpCode.TEXT, Hex.buffer("01 61")).withRsv(Frame.RSV2));
        assertEquals(List.of("error:1002"), events.events);
    }

    @Test
    void sizeLimitAppliesToTheDecodedMessage() throws Exception {
        // 20 bytes on the wire expand to 2550: a zip bomb in miniature.
        WebSocketConnection server = server(ProtocolLimits.DEFAULTS.withMaxMessageSize(1000), rle);
        Wire wire = new Wire(server);
        wire.send(Frame.of(OpCode.BINARY, Hex.buffer("ff61".repeat(10))).withRsv(Frame.RSV1));
        assertEquals(List.of("error:1009"), events.events);
        assertEquals(List.of(Frame.close(1009, "")), wire.written());
    }

    @Test
    void decodedTextIsUtf8Checked() {
        Wire wire = new Wire(server(ProtocolLimits.DEFAULTS, rle));
        wire.send(Frame.of(OpCode.TEXT, Hex.buffer("01 61 01 ff")).withRsv(Frame.RSV1));
        assertEquals(List.of("error:1007"), events.events);
    }

    @Test
    void dataTheExtensionCannotDecodeFailsWithItsCode() {
        Wire wire = new Wire(server(ProtocolLimits.DEFAULTS, rle));
        wire.send(Frame.of(OpCode.TEXT, Hex.buffer("02 61 03")).withRsv(Frame.RSV1));
        assertEquals(List.of("error:1007"), events.events);
    }

    @Test
    void sentMessageIsEncodedAndMarkedWithRsv1() throws Exception {
        WebSocketConnection server = server(ProtocolLimits.DEFAULTS, rle);
        server.sendText("aaaab");
        assertEquals(List.of(Frame.of(OpCode.TEXT, Hex.buffer("04 61 01 62")).withRsv(Frame.RSV1)), new Wire(server).written());
    }

    @Test
    void messageTheExtensionDeclinesGoesOutPlain() throws Exception {
        WebSocketConnection server = server(ProtocolLimits.DEFAULTS, rle);
        server.sendText("abc"); // below the threshold of 4
        assertEquals(List.of(Frame.text("abc")), new Wire(server).written());
    }

    @Test
    void fragmentedSendMarksOnlyTheFirstFrame() throws Exception {
        WebSocketConnection server = server(ProtocolLimits.DEFAULTS, rle);
        OutgoingMessage message = server.startMessage(OpCode.BINARY);
        message.send(Hex.buffer("07 07"));
        message.finish(Hex.buffer("08"));
        assertEquals(List.of(
                Frame.fragment(OpCode.BINARY, Hex.buffer("02 07")).withRsv(Frame.RSV1),
                Frame.of(OpCode.CONTINUATION, Hex.buffer("01 08"))), new Wire(server).written());
    }

    @Test
    void extensionsAreClosedOnceWhenTheTransportCloses() {
        WebSocketConnection server = server(ProtocolLimits.DEFAULTS, rle);
        server.transportClosed();
        server.transportClosed();
        assertEquals(1, rle.closeCalls);
    }

    @Test
    void twoExtensionsApplyInOrderOnSendAndReverseOnReceive() throws Exception {
        RecordingListener clientEvents = new RecordingListener();
        WebSocketConnection server = server(ProtocolLimits.DEFAULTS, new RunLengthExtension(ExtensionOffer.of("x-rle"), 1),
                new XorExtension());
        WebSocketConnection client = WebSocketConnection.builder(Role.CLIENT).listener(clientEvents)
                .extensions(List.of(new RunLengthExtension(ExtensionOffer.of("x-rle"), 1), new XorExtension())).build();
        server.sendText("zzzz!");
        ByteBuffer bytes = new Wire(server).drain();
        assertEquals(Frame.FIN | Frame.RSV1 | Frame.RSV2 | OpCode.TEXT.code(), bytes.get(0) & 0xFF);
        // rle first ("04 7a 01 21"), then xor 0x55 on every byte
        assertEquals(Hex.norm("51 2f 54 74"), Hex.of(bytes.duplicate().position(2)));
        client.receive(bytes);
        assertEquals(List.of("text:zzzz!"), clientEvents.events);
    }

    @Test
    void overlappingRsvBitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> server(ProtocolLimits.DEFAULTS, rle,
                new RunLengthExtension(ExtensionOffer.of("x-rle2"), 1)));
    }

    @Test
    void streamedDeliveryGetsDecodedChunks() {
        WebSocketConnection server = WebSocketConnection.builder(Role.SERVER).listener(events)
                .delivery(MessageDelivery.STREAMED).extensions(List.of(rle)).build();
        new Wire(server).send(Frame.of(OpCode.TEXT, Hex.buffer("02 41 01 42")).withRsv(Frame.RSV1));
        assertEquals(List.of("start:TEXT", "data:414142", "end"), events.events);
    }

    @Test
    void largeDecodedMessageArrivesInOnePiece() {
        WebSocketConnection server = server(ProtocolLimits.DEFAULTS, rle);
        byte[] runs = new byte[2 * 400];
        for (int i = 0; i < 400; i++) {
            runs[2 * i] = (byte) 255;
            runs[2 * i + 1] = 'q';
        }
        new Wire(server).send(Frame.of(OpCode.TEXT, ByteBuffer.wrap(runs)).withRsv(Frame.RSV1));
        assertEquals(List.of("text:" + "q".repeat(255 * 400)), events.events);
        assertEquals(255 * 400, events.events.get(0).getBytes(StandardCharsets.US_ASCII).length - 5);
    }
}
