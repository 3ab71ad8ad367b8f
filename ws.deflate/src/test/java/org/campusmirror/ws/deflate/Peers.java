package org.campusmirror.ws.deflate;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.campusmirror.ws.protocol.Extension;
import org.campusmirror.ws.protocol.Frame;
import org.campusmirror.ws.protocol.FrameParser;
import org.campusmirror.ws.protocol.MessageDelivery;
import org.campusmirror.ws.protocol.OutboundQueue;
import org.campusmirror.ws.protocol.ProtocolLimits;
import org.campusmirror.ws.protocol.Role;
import org.campusmirror.ws.protocol.WebSocketConnection;
import org.campusmirror.ws.protocol.WebSocketProtocolException;

/**
 * A server and a client engine that negotiated permessage-deflate through the factories (offer, accept,
 * response) exactly as the handshakes do, wired back to back without a transport. Tests send on one side,
 * look at the frames in between, and deliver them to the other side.
 */
final class Peers implements AutoCloseable {
    final PerMessageDeflate serverFactory;
    final PerMessageDeflate clientFactory;
    final DeflateExtension serverExtension;
    final DeflateExtension clientExtension;
    final WebSocketConnection server;
    final WebSocketConnection client;
    final Recorder serverEvents = new Recorder();
    final Recorder clientEvents = new Recorder();

    private Peers(Builder b) {
        serverFactory = b.serverFactory != null ? b.serverFactory : PerMessageDeflate.create(b.serverOptions);
        clientFactory = b.clientFactory != null ? b.clientFactory : PerMessageDeflate.create(b.clientOptions);
        Extension accepted = serverFactory.acceptOffer(clientFactory.offers())
                .orElseThrow(() -> new AssertionError("server declined " + clientFactory.offers()));
        serverExtension = (DeflateExtension) accepted;
        try {
            clientExtension = (DeflateExtension) clientFactory.acceptResponse(accepted.negotiated());
        } catch (org.campusmirror.ws.protocol.HandshakeException e) {
            throw new AssertionError("client refused " + accepted.negotiated(), e);
        }
        server = WebSocketConnection.builder(Role.SERVER).listener(serverEvents).limits(b.serverLimits)
                .delivery(b.delivery).extensions(List.of(serverExtension)).inboundBudget(b.serverBudget).build();
        client = WebSocketConnection.builder(Role.CLIENT).listener(clientEvents).limits(b.clientLimits)
                .delivery(b.delivery).extensions(List.of(clientExtension)).build();
    }

    static Builder builder() {
        return new Builder();
    }

    /** Both sides with these options. */
    static Peers with(PerMessageDeflateOptions options) {
        return builder().serverOptions(options).clientOptions(options).build();
    }

    /** Everything {@code from} queued so far, as the transport would write it. */
    static ByteBuffer drain(WebSocketConnection from) {
        OutboundQueue queue = from.outbound();
        ByteBuffer out = ByteBuffer.allocate((int) queue.remaining());
        for (ByteBuffer b = queue.peek(); b != null; b = queue.peek()) {
            out.put(b);
        }
        return out.flip();
    }

    /** Parses wire bytes written by {@code writer} into frames (unmasked). */
    static List<Frame> frames(ByteBuffer wire, Role writer) {
        Role reader = writer == Role.SERVER ? Role.CLIENT : Role.SERVER;
        FrameParser parser = new FrameParser(reader, ProtocolLimits.DEFAULTS, Frame.RSV_MASK);
        List<Frame> frames = new ArrayList<>();
        ByteBuffer in = wire.duplicate();
        try {
            for (Frame f = parser.parse(in); f != null; f = parser.parse(in)) {
                frames.add(copyOf(f));
            }
        } catch (WebSocketProtocolException e) {
            throw new AssertionError("unparseable output", e);
        }
        return frames;
    }

    /** Moves what the server queued to the client; returns those bytes as they were on the wire. */
    ByteBuffer serverToClient() {
        ByteBuffer bytes = drain(server);
        client.receive(copy(bytes));
        return bytes;
    }

    /** Moves what the client queued to the server; returns those bytes as they were on the wire. */
    ByteBuffer clientToServer() {
        ByteBuffer bytes = drain(client);
        server.receive(copy(bytes)); // the server unmasks in place
        return bytes;
    }

    private static ByteBuffer copy(ByteBuffer bytes) {
        return ByteBuffer.wrap(Recorder.copy(bytes));
    }

    @Override
    public void close() {
        server.transportClosed();
        client.transportClosed();
        serverFactory.close();
        clientFactory.close();
    }

    private static Frame copyOf(Frame f) {
        ByteBuffer payload = ByteBuffer.wrap(Recorder.copy(f.payload()));
        Frame copy = f.isFinal() ? Frame.of(f.opCode(), payload) : Frame.fragment(f.opCode(), payload);
        return copy.withRsv(f.rsv());
    }

    static final class Builder {
        private PerMessageDeflateOptions serverOptions = PerMessageDeflateOptions.DEFAULTS;
        private PerMessageDeflateOptions clientOptions = PerMessageDeflateOptions.DEFAULTS;
        private PerMessageDeflate serverFactory;
        private PerMessageDeflate clientFactory;
        private ProtocolLimits serverLimits = ProtocolLimits.DEFAULTS;
        private ProtocolLimits clientLimits = ProtocolLimits.DEFAULTS;
        private MessageDelivery delivery = MessageDelivery.WHOLE_MESSAGES;
        private org.campusmirror.ws.protocol.ByteBudget serverBudget = org.campusmirror.ws.protocol.ByteBudget.UNLIMITED;

        Builder serverBudget(org.campusmirror.ws.protocol.ByteBudget budget) {
            this.serverBudget = budget;
            return this;
        }

        Builder serverOptions(PerMessageDeflateOptions options) {
            this.serverOptions = options;
            return this;
        }

        Builder clientOptions(PerMessageDeflateOptions options) {
            this.clientOptions = options;
            return this;
        }

        Builder serverFactory(PerMessageDeflate factory) {
            this.serverFactory = factory;
            return this;
        }

        Builder clientFactory(PerMessageDeflate factory) {
            this.clientFactory = factory;
            return this;
        }

        Builder serverLimits(ProtocolLimits limits) {
            this.serverLimits = limits;
            return this;
        }

        Builder clientLimits(ProtocolLimits limits) {
            this.clientLimits = limits;
            return this;
        }

        Builder delivery(MessageDelivery delivery) {
            this.delivery = delivery;
            return this;
        }

        Peers build() {
            return new Peers(this);
        }
    }
}
