package org.campusmirror.ws.server.internal;

import java.util.Objects;

import org.campusmirror.ws.deflate.PerMessageDeflate;
import org.campusmirror.ws.protocol.ExtensionFactory;
import org.campusmirror.ws.protocol.ProtocolLimits;
import org.campusmirror.ws.protocol.ServerHandshake;
import org.campusmirror.ws.server.EndpointOptions;
import org.campusmirror.ws.server.WebSocketEndpoint;

/**
 * An endpoint served at a path: its handshake configuration (built once, shared by every connection) and its
 * open connections, one list per loop so each loop touches only its own.
 */
final class EndpointRegistration {
    final String path;
    final WebSocketEndpoint endpoint;
    final EndpointOptions options;
    final ServerHandshake handshake;
    final long heartbeatNanos;
    private final SessionList[] perLoop;
    volatile boolean removed;

    EndpointRegistration(String path, WebSocketEndpoint endpoint, EndpointOptions options, ProtocolLimits limits,
            int loops) {
        this.path = Objects.requireNonNull(path, "path");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.options = Objects.requireNonNull(options, "options");
        ServerHandshake.Builder builder = ServerHandshake.builder()
                .limits(limits)
                .subprotocols(options.subprotocols())
                .extensions(options.extensions());
        if (!options.allowedOrigins().isEmpty()) {
            builder.originPolicy(origin -> origin != null && options.allowedOrigins().contains(origin));
        }
        this.handshake = builder.build();
        this.heartbeatNanos = options.heartbeat().toNanos();
        this.perLoop = new SessionList[loops];
        for (int i = 0; i < loops; i++) {
            perLoop[i] = new SessionList(1);
        }
    }

    /** A new loop took slot {@code index} (after a failure): its list starts empty. */
    void loopStarted(int index) {
        perLoop[index] = new SessionList(1);
    }

    /** The endpoint's connections on {@code loop}; only that loop's thread may use the list. */
    SessionList sessions(IoLoop loop) {
        return perLoop[loop.index()];
    }

    /** The endpoint's permessage-deflate factory, or null. */
    PerMessageDeflate deflate() {
        for (ExtensionFactory factory : options.extensions()) {
            if (factory instanceof PerMessageDeflate deflate) {
                return deflate;
            }
        }
        return null;
    }

    /** The endpoint is gone: free what its extension factories pool (zlib compressors). */
    void releaseExtensions() {
        PerMessageDeflate deflate = deflate();
        if (deflate != null) {
            deflate.close();
        }
    }

    static void requireValidPath(String path) {
        if (path == null || !path.startsWith("/") || path.indexOf('?') >= 0 || path.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("an endpoint path starts with / and has no query or spaces: " + path);
        }
    }
}
