package org.campusmirror.ws.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * A WebSocket endpoint served at one path of a {@link WebSocketServer} (like {@code ws}'s
 * {@code noServer} + {@code handleUpgrade} routing): it decides about each upgrade request
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-4.2">RFC 6455 section 4.2</a>) in
 * {@link #upgrade(UpgradeRequest)} and then handles the events of the connections it accepted.
 *
 * <p>In OSGi an endpoint is a whiteboard service: a component that provides {@code WebSocketEndpoint} and
 * carries the typed service properties below is served at its path by the framework's WebSocket server; when
 * the service goes away its connections are closed with 1001.
 *
 * <pre>{@code
 * @Component(service = WebSocketEndpoint.class)
 * @WebSocketEndpoint.Path("/mirror")
 * @WebSocketEndpoint.Broadcast
 * @WebSocketEndpoint.HeartbeatSeconds(30)
 * public final class MirrorEndpoint implements WebSocketEndpoint { ... }
 * }</pre>
 *
 * Required: {@link Path @Path} ({@value #PATH_PROPERTY}). Optional: {@link Subprotocols @Subprotocols}
 * ({@value #SUBPROTOCOLS_PROPERTY}), {@link Origins @Origins} ({@value #ORIGINS_PROPERTY}, the Origin allow-list),
 * {@link HeartbeatSeconds @HeartbeatSeconds} ({@value #HEARTBEAT_PROPERTY}), {@link Deflate @Deflate}
 * ({@value #DEFLATE_PROPERTY}; default: the server's setting) and {@link Broadcast @Broadcast}
 * ({@value #BROADCAST_PROPERTY}: ask deflate clients for {@code server_no_context_takeover} so broadcasts
 * compress once). The names are the annotations' prefix and type names; the constants are for code that
 * reads the properties.
 */
@ConsumerType
public interface WebSocketEndpoint extends WebSocketHandler {
    /** The service property holding the path, e.g. {@code /echo}: {@link Path}. */
    String PATH_PROPERTY = "websocket.path";
    /** Optional service property: the subprotocols the endpoint speaks, in preference order: {@link Subprotocols}. */
    String SUBPROTOCOLS_PROPERTY = "websocket.subprotocols";
    /** Optional service property: the Origin values allowed to connect (absent or empty: any): {@link Origins}. */
    String ORIGINS_PROPERTY = "websocket.origins";
    /** Optional service property: heartbeat interval in seconds (0: off): {@link HeartbeatSeconds}. */
    String HEARTBEAT_PROPERTY = "websocket.heartbeat.seconds";
    /** Optional service property: whether permessage-deflate is offered: {@link Deflate}. */
    String DEFLATE_PROPERTY = "websocket.deflate";
    /** Optional service property: whether the endpoint is tuned for broadcast (compress once): {@link Broadcast}. */
    String BROADCAST_PROPERTY = "websocket.broadcast";

    /**
     * The upgrade hook: sees every valid upgrade request for this endpoint after the protocol checks
     * (version, key, Origin allow-list) and decides. Runs on an I/O thread: keep it quick. The default
     * accepts with the subprotocol the endpoint's options picked.
     */
    default UpgradeDecision upgrade(UpgradeRequest request) {
        return UpgradeDecision.accept();
    }

    /** {@value #PATH_PROPERTY}: the path the endpoint is served at, starting with {@code /}. */
    @ComponentPropertyType
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface Path {
        /** Prefix of the property name, which is the prefix and {@code path}. */
        String PREFIX_ = "websocket.";

        String value();
    }

    /** {@value #SUBPROTOCOLS_PROPERTY}: the subprotocols the endpoint speaks, in preference order (RFC 6455 4.2.2). */
    @ComponentPropertyType
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface Subprotocols {
        String PREFIX_ = "websocket.";

        String[] value();
    }

    /** {@value #ORIGINS_PROPERTY}: the Origin values allowed to connect, compared exactly; others get 403. */
    @ComponentPropertyType
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface Origins {
        String PREFIX_ = "websocket.";

        String[] value();
    }

    /** {@value #HEARTBEAT_PROPERTY}: ping every connection this often; one whose pong is missing is dropped. */
    @ComponentPropertyType
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface HeartbeatSeconds {
        String PREFIX_ = "websocket.";

        long value();
    }

    /** {@value #DEFLATE_PROPERTY}: offer permessage-deflate (RFC 7692) or not, whatever the server's setting. */
    @ComponentPropertyType
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface Deflate {
        String PREFIX_ = "websocket.";

        boolean value() default true;
    }

    /**
     * {@value #BROADCAST_PROPERTY}: the endpoint mainly broadcasts; with deflate it asks every client for
     * {@code server_no_context_takeover}, so a broadcast is compressed once for all (RFC 7692 section 7.1.1.1).
     */
    @ComponentPropertyType
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface Broadcast {
        String PREFIX_ = "websocket.";
    }
}
