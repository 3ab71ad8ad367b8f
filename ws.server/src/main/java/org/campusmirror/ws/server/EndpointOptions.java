package org.campusmirror.ws.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.campusmirror.ws.deflate.PerMessageDeflate;
import org.campusmirror.ws.deflate.PerMessageDeflateOptions;
import org.campusmirror.ws.protocol.ExtensionFactory;

/**
 * How one endpoint negotiates and watches its connections. Build with {@link #builder()}; {@link #DEFAULTS}
 * has no subprotocol, any Origin, no extension and no heartbeat.
 *
 * @param subprotocols   supported subprotocols: the first of the client's offers (in its order) that is among them is picked
 *                       (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2">RFC 6455 section
 *                       4.2.2</a>); the upgrade hook may choose otherwise
 * @param allowedOrigins the Origin values allowed to connect, compared exactly (e.g.
 *                       {@code https://mirror.example}); empty: any origin. Others get 403.
 * @param extensions     extensions to negotiate, e.g. ws.deflate's {@link PerMessageDeflate}; they belong to
 *                       the endpoint: a {@code PerMessageDeflate} is closed when the endpoint is removed
 * @param heartbeat      ping every connection this often and terminate one whose pong has not come back by
 *                       the next ping (1006 locally); {@link Duration#ZERO}: off
 * @param broadcast      the endpoint mainly broadcasts: with {@link Builder#deflate} it asks every client for
 *                       {@code server_no_context_takeover}, so {@link WebSocketServer#broadcast} compresses a
 *                       message once for all of them (RFC 7692 section 7.1.1.1)
 */
public record EndpointOptions(List<String> subprotocols, Set<String> allowedOrigins,
        List<ExtensionFactory> extensions, Duration heartbeat, boolean broadcast) {

    public static final EndpointOptions DEFAULTS = builder().build();

    public EndpointOptions {
        subprotocols = List.copyOf(subprotocols);
        allowedOrigins = Set.copyOf(allowedOrigins);
        extensions = List.copyOf(extensions);
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (heartbeat.isNegative()) {
            throw new IllegalArgumentException("heartbeat must not be negative");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().subprotocols(subprotocols).allowedOrigins(allowedOrigins).extensions(extensions)
                .heartbeat(heartbeat).broadcast(broadcast);
    }

    /** Builds {@link EndpointOptions}. */
    public static final class Builder {
        private List<String> subprotocols = List.of();
        private Set<String> allowedOrigins = Set.of();
        private List<ExtensionFactory> extensions = List.of();
        private Duration heartbeat = Duration.ZERO;
        private boolean broadcast;
        private PerMessageDeflateOptions deflate;

        private Builder() {
        }

        public Builder subprotocols(List<String> supported) {
            this.subprotocols = List.copyOf(supported);
            return this;
        }

        public Builder allowedOrigins(Set<String> origins) {
            this.allowedOrigins = Set.copyOf(origins);
            return this;
        }

        public Builder extensions(List<ExtensionFactory> factories) {
            this.extensions = List.copyOf(factories);
            return this;
        }

        public Builder heartbeat(Duration interval) {
            this.heartbeat = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Offers permessage-deflate (RFC 7692) with these settings, in addition to {@link #extensions}; with
         * {@link #broadcast(boolean)} the settings ask for {@code server_no_context_takeover}.
         */
        public Builder deflate(PerMessageDeflateOptions options) {
            this.deflate = options;
            return this;
        }

        /** Marks the endpoint as a broadcaster (see {@link EndpointOptions#broadcast()}). */
        public Builder broadcast(boolean broadcast) {
            this.broadcast = broadcast;
            return this;
        }

        public EndpointOptions build() {
            List<ExtensionFactory> all = extensions;
            if (deflate != null) {
                PerMessageDeflateOptions settings = broadcast ? deflate.toBuilder().forBroadcast().build() : deflate;
                all = new java.util.ArrayList<>(extensions);
                all.add(0, PerMessageDeflate.create(settings));
            }
            return new EndpointOptions(subprotocols, allowedOrigins, all, heartbeat, broadcast);
        }
    }
}
