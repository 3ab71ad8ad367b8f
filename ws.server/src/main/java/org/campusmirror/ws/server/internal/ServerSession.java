package org.campusmirror.ws.server.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

import org.campusmirror.ws.protocol.CloseStatus;
import org.campusmirror.ws.protocol.HandshakeException;
import org.campusmirror.ws.protocol.HandshakeRejection;
import org.campusmirror.ws.protocol.HttpHeadParser;
import org.campusmirror.ws.protocol.HttpHeader;
import org.campusmirror.ws.protocol.HttpRequestHead;
import org.campusmirror.ws.protocol.Role;
import org.campusmirror.ws.protocol.ServerHandshake;
import org.campusmirror.ws.protocol.WebSocketConnection;
import org.campusmirror.ws.protocol.WebSocketProtocolException;
import org.campusmirror.ws.server.UpgradeDecision;
import org.campusmirror.ws.server.UpgradeRequest;

/**
 * The server side of one connection: reads the upgrade request within the handshake limits, routes it by
 * path (404 for none), lets the protocol checks and then the endpoint's upgrade hook decide, and answers 101
 * or the rejection (RFC 6455 section 4.2.2).
 */
final class ServerSession extends Session {
    private final ServerCore server;
    private final InetSocketAddress peer;
    private HttpHeadParser parser;
    private EndpointRegistration registration;
    private InetSocketAddress client;
    private String path;
    private Object principal;

    ServerSession(ServerCore server, IoLoop loop, SocketChannel channel, InetSocketAddress peer) {
        super(loop, channel, server.limits(), server.budget());
        this.server = server;
        this.peer = peer;
        this.client = peer;
        this.parser = new HttpHeadParser(limits.protocol().maxHandshakeBytes());
        this.handshakeDeadline = loop.now() + limits.protocol().handshakeTimeout().toNanos();
    }

    /** Starts with TLS when the server has it. */
    void start(Wire tls) throws IOException {
        if (tls != null) {
            wire = tls;
        }
        register(java.nio.channels.SelectionKey.OP_READ);
    }

    @Override
    void handshakeBytes(ByteBuffer bytes) {
        HttpRequestHead request;
        try {
            request = parser.parseRequest(bytes);
        } catch (HandshakeException e) {
            reject(e.rejection(), e.getMessage());
            return;
        }
        if (request == null) {
            return; // the head is not complete yet
        }
        parser = null;
        path = request.path();
        client = server.proxies().clientOf(peer, request);
        EndpointRegistration target = server.route(path);
        if (target == null) {
            reject(HandshakeRejection.of(404), "no endpoint at " + path);
            return;
        }
        ServerHandshake.Accepted accepted;
        try {
            accepted = target.handshake.accept(request);
        } catch (HandshakeException e) {
            reject(e.rejection(), e.getMessage());
            return;
        }
        UpgradeDecision decision;
        try {
            decision = target.endpoint.upgrade(new UpgradeRequest(request, client, peer, wire != PlainWire.INSTANCE,
                    accepted.origin(), request.listHeader("Sec-WebSocket-Protocol"), accepted.subprotocol()));
        } catch (RuntimeException e) {
            IoLoop.LOG.warn("{}: the upgrade hook of {} failed: {}", this, path, e.toString(), e);
            decision = UpgradeDecision.reject(500);
        }
        if (!decision.accepted()) {
            accepted.discard();
            reject(decision.rejection(), "refused by the upgrade hook");
            return;
        }
        accepted = withDecision(accepted, decision, request);
        if (accepted == null) {
            return;
        }
        principal = decision.principal();
        open(target, accepted, bytes);
    }

    /** Applies the hook's subprotocol choice and extra headers; null (and a 500) if it chose badly. */
    private ServerHandshake.Accepted withDecision(ServerHandshake.Accepted accepted, UpgradeDecision decision,
            HttpRequestHead request) {
        ServerHandshake.Accepted result = accepted;
        if (decision.choosesSubprotocol() && decision.subprotocol() != null
                && !request.listHeader("Sec-WebSocket-Protocol").contains(decision.subprotocol())) {
            IoLoop.LOG.warn("{}: the upgrade hook of {} chose subprotocol {} which the client did not offer", this,
                    path, decision.subprotocol());
            accepted.discard();
            reject(HandshakeRejection.of(500), "bad subprotocol choice");
            return null;
        }
        if (decision.choosesSubprotocol()) {
            result = new ServerHandshake.Accepted(result.request(), result.version(), result.key(), result.origin(),
                    decision.subprotocol(), result.extensions(), result.extraHeaders());
        }
        for (HttpHeader header : decision.headers()) {
            result = result.withHeader(header.name(), header.value());
        }
        return result;
    }

    private void open(EndpointRegistration target, ServerHandshake.Accepted accepted, ByteBuffer leftover) {
        if (target.removed) {
            accepted.discard();
            reject(HandshakeRejection.of(404), "endpoint " + path + " was removed");
            return;
        }
        registration = target;
        raw = accepted.response();
        WebSocketConnection engine = WebSocketConnection.builder(Role.SERVER)
                .listener(events)
                .limits(limits.protocol())
                .negotiated(accepted)
                .inboundBudget(budget)
                .build();
        opened(engine, target.endpoint);
        target.sessions(loop).add(this);
        server.counters().upgraded.increment();
        if (target.heartbeatNanos > 0) {
            startHeartbeat(target.heartbeatNanos);
        }
        handler.onOpen(socket);
        if (leftover.hasRemaining()) {
            engine.receive(leftover);
        }
        loop.markDirty(this);
    }

    private void reject(HandshakeRejection rejection, String why) {
        server.counters().handshakesRejected.increment();
        IoLoop.LOG.debug("{}: handshake refused with {}: {}", this, rejection.status(), why);
        parser = null;
        raw = rejection.toBytes();
        closeAfterFlush = true; // the client may still be sending: what follows is read and dropped (Session)
        loop.markDirty(this);
    }

    @Override
    void handshakeTimedOut() {
        server.counters().handshakeTimeouts.increment();
        IoLoop.LOG.info("{}: no complete handshake within {} ms; dropping the connection", this,
                limits.protocol().handshakeTimeout().toMillis());
    }

    @Override
    void transportGone() {
        server.counters().open.decrementAndGet();
        if (registration != null) {
            registration.sessions(loop).remove(this);
        }
    }

    @Override
    void protocolError(WebSocketProtocolException e) {
        if (e.closeCode() == CloseStatus.TRY_AGAIN_LATER) {
            server.counters().messagesRefused.increment();
        } else {
            server.counters().protocolErrors.increment();
        }
        super.protocolError(e);
    }

    @Override
    void missedPong() {
        server.counters().heartbeatTimeouts.increment();
        super.missedPong();
    }

    @Override
    void slowConsumerClosed() {
        server.counters().slowConsumerCloses.increment();
    }

    @Override
    void shedWith1013() {
        // counted here, not in shed(): a connection shed while closing for another reason is dropped without a 1013
        server.counters().shedConnections.increment();
    }

    @Override
    InetSocketAddress remoteAddress() {
        return client;
    }

    @Override
    String path() {
        return path;
    }

    @Override
    Object principal() {
        return principal;
    }

    EndpointRegistration registration() {
        return registration;
    }

    @Override
    public String toString() {
        return "ws " + peer + (path == null ? "" : " " + path);
    }

}
