package org.campusmirror.ws.deflate;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import org.campusmirror.ws.autobahn.EndpointUnderTest;
import org.campusmirror.ws.protocol.ClientHandshake;
import org.campusmirror.ws.protocol.HandshakeException;
import org.campusmirror.ws.protocol.HttpHeadParser;
import org.campusmirror.ws.protocol.HttpRequestHead;
import org.campusmirror.ws.protocol.HttpResponseHead;
import org.campusmirror.ws.protocol.MessageDelivery;
import org.campusmirror.ws.protocol.Negotiated;
import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.protocol.OutboundQueue;
import org.campusmirror.ws.protocol.OutgoingMessage;
import org.campusmirror.ws.protocol.ProtocolLimits;
import org.campusmirror.ws.protocol.Role;
import org.campusmirror.ws.protocol.ServerHandshake;
import org.campusmirror.ws.protocol.WebSocketConnection;
import org.campusmirror.ws.protocol.WebSocketListener;

/**
 * The engine with permessage-deflate as the Autobahn testee: real opening handshakes (server or client) with
 * {@link PerMessageDeflate} as the only extension, then an echo of every message as it came, driven in memory
 * by the fuzzing peer as a transport following ws.protocol's README would.
 */
final class DeflateEchoEndpoint implements EndpointUnderTest {
    private final Role role;
    private final PerMessageDeflate deflate;
    private final MessageDelivery delivery;
    private final ServerHandshake serverHandshake;
    private final ClientHandshake clientHandshake;
    private final HttpHeadParser headParser;
    private ByteBuffer handshakeOutput;
    private WebSocketConnection connection;
    private boolean closed;
    private long nanos;

    DeflateEchoEndpoint(Role role, PerMessageDeflate deflate, MessageDelivery delivery) {
        this.role = role;
        this.deflate = deflate;
        this.delivery = delivery;
        if (role == Role.SERVER) {
            serverHandshake = ServerHandshake.builder().extensions(List.of(deflate)).build();
            clientHandshake = null;
            headParser = serverHandshake.newRequestParser();
        } else {
            serverHandshake = null;
            clientHandshake = ClientHandshake.builder("127.0.0.1:9001", "/echo").extensions(List.of(deflate)).build();
            headParser = clientHandshake.newResponseParser();
            handshakeOutput = clientHandshake.request();
        }
    }

    /** The negotiated connection, once the handshake is done. */
    WebSocketConnection connection() {
        return connection;
    }

    @Override
    public void receive(ByteBuffer fromPeer) {
        if (closed) {
            return;
        }
        if (connection == null && !handshake(fromPeer)) {
            return;
        }
        connection.receive(fromPeer);
    }

    private boolean handshake(ByteBuffer in) {
        try {
            if (role == Role.SERVER) {
                HttpRequestHead request = headParser.parseRequest(in);
                if (request == null) {
                    return false;
                }
                ServerHandshake.Accepted accepted = serverHandshake.accept(request);
                handshakeOutput = accepted.response();
                open(accepted);
            } else {
                HttpResponseHead response = headParser.parseResponse(in);
                if (response == null) {
                    return false;
                }
                open(clientHandshake.validate(response));
            }
            return true;
        } catch (HandshakeException e) {
            handshakeOutput = role == Role.SERVER ? e.rejection().toBytes() : ByteBuffer.allocate(0);
            closed = true;
            return false;
        }
    }

    private void open(Negotiated negotiated) {
        connection = WebSocketConnection.builder(role).limits(ProtocolLimits.DEFAULTS).negotiated(negotiated)
                .delivery(delivery).nanoClock(() -> nanos).listener(new Echo()).build();
    }

    @Override
    public ByteBuffer drainOutput() {
        int size = handshakeOutput == null ? 0 : handshakeOutput.remaining();
        OutboundQueue queue = connection == null ? null : connection.outbound();
        if (queue != null) {
            size += (int) queue.remaining();
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        if (handshakeOutput != null) {
            out.put(handshakeOutput);
            handshakeOutput = null;
        }
        if (queue != null) {
            for (ByteBuffer b = queue.peek(); b != null; b = queue.peek()) {
                out.put(b);
            }
        }
        return out.flip();
    }

    @Override
    public boolean closedTransport() {
        boolean flushed = handshakeOutput == null && (connection == null || connection.outbound().isEmpty());
        if (!closed && connection != null && connection.shouldCloseTransport() && flushed) {
            closed = true;
            connection.transportClosed();
        }
        return closed && flushed;
    }

    @Override
    public void peerClosedTransport() {
        closed = true;
        if (connection != null) {
            connection.transportClosed();
        }
    }

    @Override
    public void advanceTime(Duration elapsed) {
        nanos += elapsed.toNanos();
        if (connection != null && connection.hasCloseDeadline() && nanos - connection.closeDeadlineNanos() >= 0) {
            connection.onCloseTimeout();
        }
    }

    /** Every message back as it came; streamed delivery echoes chunk by chunk as fragments. */
    private static final class Echo implements WebSocketListener {
        private OutgoingMessage streaming;

        @Override
        public void onTextUtf8(WebSocketConnection connection, ByteBuffer utf8) {
            connection.sendText(utf8);
        }

        @Override
        public void onBinary(WebSocketConnection connection, ByteBuffer data) {
            connection.sendBinary(data);
        }

        @Override
        public void onMessageStart(WebSocketConnection connection, OpCode type) {
            streaming = connection.startMessage(type);
        }

        @Override
        public void onMessageData(WebSocketConnection connection, ByteBuffer data) {
            streaming.send(data);
        }

        @Override
        public void onMessageEnd(WebSocketConnection connection) {
            streaming.finish();
            streaming = null;
        }
    }
}
