package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import org.campusmirror.ws.autobahn.EndpointUnderTest;

/**
 * Our engine as the Autobahn testee: a transport-less endpoint (the fuzzing peer drives it in memory)
 * that does the opening handshake, then echoes every text and binary message as it came. It behaves as
 * a transport following README.md would: drain the outbound queue, close when the engine says so, call
 * the closing timeout when virtual time passes the deadline, report TCP closed. Extension modules (ws.deflate)
 * use it from this module's test jar with their extension factories.
 */
public final class EchoEndpoint implements EndpointUnderTest {
    private final Role role;
    private final ProtocolLimits limits;
    private final List<ExtensionFactory> extensions;
    private final MessageDelivery delivery;
    private final ServerHandshake serverHandshake;
    private final ClientHandshake clientHandshake;
    private final HttpHeadParser headParser;
    private ByteBuffer handshakeOutput;
    private WebSocketConnection connection;
    private boolean closed;
    private long nanos;

    private EchoEndpoint(Role role, ProtocolLimits limits, List<ExtensionFactory> extensions, MessageDelivery delivery) {
        this.role = role;
        this.limits = limits;
        this.extensions = List.copyOf(extensions);
        this.delivery = delivery;
        if (role == Role.SERVER) {
            serverHandshake = ServerHandshake.builder().limits(limits).extensions(extensions).build();
            clientHandshake = null;
            headParser = serverHandshake.newRequestParser();
        } else {
            serverHandshake = null;
            clientHandshake = ClientHandshake.builder("127.0.0.1:9001", "/echo").limits(limits).extensions(extensions)
                    .build();
            headParser = clientHandshake.newResponseParser();
            handshakeOutput = clientHandshake.request();
        }
    }

    static EchoEndpoint server(MessageDelivery delivery) {
        return new EchoEndpoint(Role.SERVER, ProtocolLimits.DEFAULTS, List.of(), delivery);
    }

    static EchoEndpoint client(MessageDelivery delivery) {
        return new EchoEndpoint(Role.CLIENT, ProtocolLimits.DEFAULTS, List.of(), delivery);
    }

    /** An echo in {@code role} that offers (client) or accepts (server) {@code extensions}, default limits. */
    public static EchoEndpoint withExtensions(Role role, List<ExtensionFactory> extensions, MessageDelivery delivery) {
        return new EchoEndpoint(role, ProtocolLimits.DEFAULTS, extensions, delivery);
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

    /** Runs the opening handshake on the bytes; returns true once a connection exists. */
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
        connection = WebSocketConnection.builder(role).limits(limits).negotiated(negotiated)
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

    /** The suite's testee: every message back as it came. */
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

    static List<String> conformanceGroups() {
        return List.of("1.*", "2.*", "3.*", "4.*", "5.*", "6.*", "7.*", "9.*", "10.*");
    }
}
