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
 * <p>In OSGi an endpoint is a whiteboard service: a component that provides {@code WebSocketEndpoint} with
 * the service property {@value #PATH_PROPERTY} (typed: {@link Path @WebSocketEndpoint.Path("/echo")}) is
 * served at that path by the framework's WebSocket server; when the service goes away its connections are
 * closed with 1001. Further optional service properties: {@value #SUBPROTOCOLS_PROPERTY} (String[]),
 * {@value #ORIGINS_PROPERTY} (String[], the Origin allow-list), {@value #HEARTBEAT_PROPERTY} (seconds, 0 off),
 * {@value #DEFLATE_PROPERTY} (Boolean; default: the server's setting) and {@value #BROADCAST_PROPERTY}
 * (Boolean: ask deflate clients for {@code server_no_context_takeover} so broadcasts compress once).
 */
@ConsumerType
public interface WebSocketEndpoint extends WebSocketHandler {
    /** The service property holding the path, e.g. {@code /echo}. */
    String PATH_PROPERTY = "websocket.path";
    /** Optional service property: the subprotocols the endpoint speaks, in preference order. */
    String SUBPROTOCOLS_PROPERTY = "websocket.subprotocols";
    /** Optional service property: the Origin values allowed to connect (absent or empty: any). */
    String ORIGINS_PROPERTY = "websocket.origins";
    /** Optional service property: heartbeat interval in seconds (0: off). */
    String HEARTBEAT_PROPERTY = "websocket.heartbeat.seconds";
    /** Optional service property: whether permessage-deflate is offered (default: the server's setting). */
    String DEFLATE_PROPERTY = "websocket.deflate";
    /** Optional service property: whether the endpoint is tuned for broadcast (compress once). */
    String BROADCAST_PROPERTY = "websocket.broadcast";

    /**
     * The upgrade hook: sees every valid upgrade request for this endpoint after the protocol checks
     * (version, key, Origin allow-list) and decides. Runs on an I/O thread: keep it quick. The default
     * accepts with the subprotocol the endpoint's options picked.
     */
    default UpgradeDecision upgrade(UpgradeRequest request) {
        return UpgradeDecision.accept();
    }

    /**
     * The typed service property for the whiteboard: {@code @WebSocketEndpoint.Path("/echo")} on a DS
     * component sets {@value #PATH_PROPERTY}.
     */
    @ComponentPropertyType
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface Path {
        /** Prefix of the property name: the property is {@code websocket.path}. */
        String PREFIX_ = "websocket.";

        /** The path, starting with {@code /}. */
        String value();
    }
}
