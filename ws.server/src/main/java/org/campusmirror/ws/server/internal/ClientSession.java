package org.campusmirror.ws.server.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import org.campusmirror.ws.protocol.ClientHandshake;
import org.campusmirror.ws.protocol.HandshakeException;
import org.campusmirror.ws.protocol.HttpHeadParser;
import org.campusmirror.ws.protocol.HttpResponseHead;
import org.campusmirror.ws.protocol.Role;
import org.campusmirror.ws.protocol.WebSocketConnection;
import org.campusmirror.ws.server.ClientOptions;
import org.campusmirror.ws.server.WebSocket;
import org.campusmirror.ws.server.WebSocketHandler;
import org.campusmirror.ws.server.WebSocketHandshakeException;

/**
 * The client side of one connection: TCP connect, an optional HTTP {@code CONNECT} tunnel through a proxy
 * (RFC 9110 section 9.3.6), TLS for wss, then the opening handshake (RFC 6455 section 4.1), all within the
 * connect timeout.
 */
final class ClientSession extends Session {
    private enum Stage { CONNECTING, PROXY, UPGRADE, OPEN }

    private final URI uri;
    private final String host;
    private final int port;
    private final boolean secure;
    private final ClientOptions options;
    private final CompletableFuture<WebSocket> opened;
    private final WebSocketHandler firstHandler;
    private Stage stage = Stage.CONNECTING;
    private ClientHandshake handshake;
    private HttpHeadParser parser;

    ClientSession(IoLoop loop, SocketChannel channel, URI uri, ClientOptions options, WebSocketHandler handler,
            CompletableFuture<WebSocket> opened) {
        super(loop, channel, options.limits(), MemoryBudget.UNLIMITED);
        this.uri = uri;
        this.secure = "wss".equalsIgnoreCase(uri.getScheme());
        this.host = uri.getHost();
        this.port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
        this.options = options;
        this.firstHandler = handler;
        this.opened = opened;
        this.handshakeDeadline = System.nanoTime() + options.connectTimeout().toNanos();
    }

    /** Starts connecting; loop thread. */
    void start() {
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            InetSocketAddress target = options.proxy() != null ? options.proxy()
                    : new InetSocketAddress(unbracketed(host), port);
            if (target.isUnresolved()) {
                throw new IOException("cannot resolve " + target.getHostString());
            }
            boolean connected = channel.connect(target);
            register(connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT);
            if (connected) {
                connected();
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    @Override
    void connectable() {
        try {
            if (!channel.finishConnect()) {
                return;
            }
            interest(SelectionKey.OP_CONNECT, false);
            interest(SelectionKey.OP_READ, true);
            connected();
        } catch (IOException e) {
            fail(e);
        }
    }

    private void connected() throws IOException {
        if (options.proxy() != null) {
            stage = Stage.PROXY;
            String authority = host + ":" + port;
            raw = ByteBuffer.wrap(("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            parser = new HttpHeadParser(limits.protocol().maxHandshakeBytes());
            loop.markDirty(this);
        } else {
            startUpgrade();
        }
    }

    private void startUpgrade() throws IOException {
        if (secure) {
            wire = new TlsWire(clientEngine());
        }
        stage = Stage.UPGRADE;
        boolean defaultPort = port == (secure ? 443 : 80);
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        handshake = ClientHandshake.builder(defaultPort ? host : host + ":" + port, target)
                .origin(options.origin())
                .subprotocols(options.subprotocols())
                .extensions(options.extensions())
                .headers(options.headers())
                .limits(limits.protocol())
                .build();
        raw = handshake.request();
        parser = handshake.newResponseParser();
        loop.markDirty(this);
    }

    private SSLEngine clientEngine() throws IOException {
        try {
            SSLContext context = options.sslContext() != null ? options.sslContext() : SSLContext.getDefault();
            SSLEngine engine = context.createSSLEngine(unbracketed(host), port);
            engine.setUseClientMode(true);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // check the certificate names the host
            engine.setSSLParameters(parameters);
            return engine;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("no TLS context: " + e, e);
        }
    }

    @Override
    void handshakeBytes(ByteBuffer bytes) {
        try {
            if (stage == Stage.PROXY) {
                proxyResponse(bytes);
            } else if (stage == Stage.UPGRADE) {
                upgradeResponse(bytes);
            } else {
                bytes.position(bytes.limit());
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    private void proxyResponse(ByteBuffer bytes) throws IOException {
        HttpResponseHead response;
        try {
            response = parser.parseResponse(bytes);
        } catch (HandshakeException e) {
            throw new WebSocketHandshakeException(0, "bad proxy response: " + e.getMessage());
        }
        if (response == null) {
            return;
        }
        if (response.status() / 100 != 2) {
            throw new WebSocketHandshakeException(response.status(), "the proxy refused CONNECT with "
                    + response.status() + " " + response.reason());
        }
        bytes.position(bytes.limit()); // a proxy sends nothing after its answer until we speak
        startUpgrade();
    }

    private void upgradeResponse(ByteBuffer bytes) throws IOException {
        HttpResponseHead response;
        ClientHandshake.Accepted accepted;
        try {
            response = parser.parseResponse(bytes);
            if (response == null) {
                return;
            }
            accepted = handshake.validate(response);
        } catch (HandshakeException e) {
            throw new WebSocketHandshakeException(e.status(), e.getMessage());
        }
        parser = null;
        stage = Stage.OPEN;
        WebSocketConnection engine = WebSocketConnection.builder(Role.CLIENT)
                .listener(events)
                .limits(limits.protocol())
                .negotiated(accepted)
                .build();
        opened(engine, firstHandler);
        handler.onOpen(socket);
        opened.complete(socket);
        if (bytes.hasRemaining()) {
            engine.receive(bytes);
        }
        loop.markDirty(this);
    }

    private void fail(Exception e) {
        opened.completeExceptionally(e);
        closeTransport();
    }

    @Override
    void handshakeTimedOut() {
        opened.completeExceptionally(new SocketTimeoutException("no WebSocket connection to " + uri + " within "
                + options.connectTimeout().toMillis() + " ms (stage " + stage + ")"));
    }

    @Override
    void handshakeAborted(IOException cause) {
        opened.completeExceptionally(cause != null ? cause
                : new IOException("connection to " + uri + " closed during the handshake"));
    }

    @Override
    void transportGone() {
        if (!opened.isDone()) {
            opened.completeExceptionally(new IOException("connection to " + uri + " closed during the handshake"));
        }
    }

    @Override
    InetSocketAddress remoteAddress() {
        try {
            return (InetSocketAddress) channel.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    String path() {
        return uri.getRawPath();
    }

    @Override
    Object principal() {
        return null;
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return "ws client " + uri;
    }
}
