package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The closing handshake (RFC 6455 sections 5.5.1, 7.1, 7.4) in both roles, driven by a fake clock. */
class ConnectionCloseTest {
    private final RecordingListener events = new RecordingListener();
    private long now = 1_000_000L;

    private WebSocketConnection connection(Role role) {
        return WebSocketConnection.builder(role).listener(events).maskKeys(Wire.FIXED_KEY)
                .limits(ProtocolLimits.DEFAULTS.withClosingTimeout(Duration.ofSeconds(2)))
                .nanoClock(() -> now).build();
    }

    @Test
    void serverEchoesThePeersCodeAndClosesTcpFirst() throws Exception {
        WebSocketConnection server = connection(Role.SERVER);
        Wire wire = new Wire(server);
        wire.send(Frame.close(1000, "bye"));
        assertEquals(List.of(Frame.close(1000, "")), wire.written());
        assertTrue(server.shouldCloseTransport());
        assertEquals(List.of("closeReceived:1000:bye"), events.events);
    }

    @Test
    void echoKeepsAnApplicationCode() throws Exception {
        WebSocketConnection server = connection(Role.SERVER);
        Wire wire = new Wire(server);
        wire.send(Frame.close(4321, ""));
        assertEquals(List.of(Frame.close(4321, "")), wire.written());
    }

    @Test
    void emptyCloseIsAnsweredWithAnEmptyClose() throws Exception {
        WebSocketConnection server = connection(Role.SERVER);
        Wire wire = new Wire(server);
        wire.send(Frame.emptyClose());
        assertEquals(List.of(Frame.emptyClose()), wire.written());
        assertEquals(List.of("closeReceived:1005:"), events.events);
    }

    @Test
    void clientEchoesMaskedThenWaitsForTheServerToCloseTcp() throws Exception {
        WebSocketConnection client = connection(Role.CLIENT);
        Wire wire = new Wire(client);
        wire.send(Frame.close(1001, ""));
        ByteBuffer bytes = wire.drain();
        assertEquals(Hex.norm("88 82 37 fa 21 3d") + Hex.of(masked("03e9")), Hex.of(bytes));
        assertFalse(client.shouldCloseTransport());
        assertTrue(client.hasCloseDeadline());
        assertEquals(now + Duration.ofSeconds(2).toNanos(), client.closeDeadlineNanos());
    }

    @Test
    void clientClosesTcpItselfAfterTheClosingTimeout() {
        WebSocketConnection client = connection(Role.CLIENT);
        new Wire(client).send(Frame.close(1000, ""));
        now += Duration.ofSeconds(2).toNanos();
        client.onCloseTimeout();
        assertTrue(client.shouldCloseTransport());
        assertFalse(client.hasCloseDeadline());
    }

    @Test
    void locallyStartedCloseWaitsForThePeersClose() throws Exception {
        WebSocketConnection server = connection(Role.SERVER);
        Wire wire = new Wire(server);
        server.close(1000, "done");
        assertEquals(List.of(Frame.close(1000, "done")), wire.written());
        assertFalse(server.shouldCloseTransport());
        assertTrue(server.hasCloseDeadline());
        assertEquals(WebSocketConnection.State.CLOSING, server.state());
        wire.send(Frame.close(1000, ""));
        assertEquals(List.of(), wire.written(), "no second close frame");
        assertTrue(server.shouldCloseTransport());
    }

    @Test
    void dataArrivingAfterOurCloseIsStillDelivered() {
        WebSocketConnection server = connection(Role.SERVER);
        Wire wire = new Wire(server);
        server.close();
        wire.send(Frame.text("in flight"));
        assertEquals(List.of("text:in flight"), events.events);
    }

    @Test
    void noMessagesAreSentAfterClose() {
        WebSocketConnection server = connection(Role.SERVER);
        server.close();
        assertFalse(server.sendText("late"));
        assertFalse(server.ping(ByteBuffer.allocate(0)));
    }

    @Test
    void timeoutWaitingForThePeersCloseLetsTheServerCloseTcp() {
        WebSocketConnection server = connection(Role.SERVER);
        server.close();
        now += Duration.ofSeconds(1).toNanos();
        assertTrue(server.hasCloseDeadline());
        now += Duration.ofSeconds(1).toNanos();
        server.onCloseTimeout();
        assertTrue(server.shouldCloseTransport());
    }

    @Test
    void framesAfterThePeersCloseAreIgnored() throws Exception {
        // Autobahn 7.1.3: a ping after the close frame gets no pong.
        WebSocketConnection server = connection(Role.SERVER);
        Wire wire = new Wire(server);
        wire.send(Frame.close(1000, ""), Frame.of(OpCode.PING, Hex.buffer("41")), Frame.text("x"));
        assertEquals(List.of(Frame.close(1000, "")), wire.written());
        assertEquals(List.of("closeReceived:1000:"), events.events);
    }

    @Test
    void closePayloadOfOneByteFailsWith1002() throws Exception {
        WebSocketConnection server = connection(Role.SERVER);
        Wire wire = new Wire(server);
        wire.send(Frame.of(OpCode.CLOSE, Hex.buffer("03")));
        assertEquals(List.of(Frame.close(1002, "")), wire.written());
        assertTrue(server.shouldCloseTransport());
    }

    @ParameterizedTest(name = "7.9 close code {0} fails with 1002")
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
    void invalidCloseCodeFailsWith1002(int code) throws Exception {
        WebSocketConnection server = connection(Role.SERVER);
        Wire wire = new Wire(server);
        ByteBuffer payload = ByteBuffer.allocate(2).putShort((short) code).flip();
        wire.send(Frame.of(OpCode.CLOSE, payload));
        assertEquals(List.of(Frame.close(1002, "")), wire.written());
        assertEquals(List.of("error:1002"), events.events);
    }

    @ParameterizedTest(name = "7.7 close code {0} is echoed")
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999})
    void validCloseCodeIsEchoed(int code) throws Exception {
        WebSocketConnection server = connection(Role.SERVER);
        Wire wire = new Wire(server);
        wire.send(Frame.close(code, "reason"));
        assertEquals(List.of(Frame.close(code, "")), wire.written());
    }

    @Test
    void invalidUtf8InTheCloseReasonFailsWith1007() throws Exception {
        // Autobahn 7.5.1
        WebSocketConnection server = connection(Role.SERVER);
        Wire wire = new Wire(server);
        wire.send(Frame.of(OpCode.CLOSE, Hex.buffer("03 e8 ce ba e1 bd b9 cf 83 ce bc ce b5 ed a0 80 65 64 69 74 65 64")));
        assertEquals(List.of(Frame.close(1007, "")), wire.written());
    }

    @Test
    void closeReasonOf123BytesIsAccepted() throws Exception {
        // Autobahn 7.3.5
        WebSocketConnection server = connection(Role.SERVER);
        Wire wire = new Wire(server);
        wire.send(Frame.close(1000, "*".repeat(123)));
        assertEquals(List.of("closeReceived:1000:" + "*".repeat(123)), events.events);
    }

    @Test
    void closeWithAnInvalidCodeOrLongReasonIsRefusedLocally() {
        WebSocketConnection server = connection(Role.SERVER);
        assertThrows(IllegalArgumentException.class, () -> server.close(1005, ""));
        assertThrows(IllegalArgumentException.class, () -> server.close(1000, "x".repeat(124)));
        assertEquals(WebSocketConnection.State.OPEN, server.state());
    }

    @Test
    void transportClosedReportsThePeersCode() {
        WebSocketConnection server = connection(Role.SERVER);
        new Wire(server).send(Frame.close(1001, "away"));
        server.transportClosed();
        server.transportClosed();
        assertEquals(List.of("closeReceived:1001:away", "close:1001:away"), events.events);
        assertEquals(WebSocketConnection.State.CLOSED, server.state());
        assertFalse(server.shouldCloseTransport());
    }

    @Test
    void transportLostWithoutCloseReports1006() {
        WebSocketConnection server = connection(Role.SERVER);
        server.transportClosed();
        assertEquals(List.of("close:1006:"), events.events);
        assertFalse(server.sendText("x"));
    }

    @Test
    void terminateAsksForTcpCloseWithoutACloseFrame() {
        WebSocketConnection server = connection(Role.SERVER);
        server.terminate();
        assertTrue(server.shouldCloseTransport());
        assertEquals(0, server.bufferedAmount());
    }

    private static ByteBuffer masked(String hex) {
        ByteBuffer payload = Hex.buffer(hex);
        Masking.unmask(payload, 0x37fa213d, 0);
        return payload;
    }
}
