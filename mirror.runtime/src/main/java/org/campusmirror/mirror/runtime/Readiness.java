package org.campusmirror.mirror.runtime;

import org.campusmirror.ws.server.WebSocketServer;

/**
 * How the mirror decides that it is ready, and how a bundle takes part in that decision.
 *
 * <p>The runtime logs {@value #READY_LINE} once, when every required part is up. The required parts are named
 * in the framework or system property {@value #PARTS_PROPERTY} (comma-separated; default {@value #DEFAULT_PARTS}).
 * The part {@value #HTTP} is checked by the runtime itself: the HTTP whiteboard is up and the display page
 * answers {@code GET /} on loopback. Any other part is up while at least one service carrying the service
 * property {@value #PART_PROPERTY} with that part's name is registered, e.g. the WebSocket server registers its
 * listening server with {@code mirror.ready.part=websocket} once it accepts connections. The property may also be
 * a {@code String[]} when one service stands for several parts.
 *
 * <p>The property name and the {@code websocket} part are defined by ws.server's API ({@link WebSocketServer}),
 * which must not depend on this bundle; the constants here are the same values.
 */
public final class Readiness {
    /** Service property naming the part a service stands for, e.g. {@code websocket}. */
    public static final String PART_PROPERTY = WebSocketServer.READY_PART_PROPERTY;
    /** Framework or system property listing the parts that must be up, comma-separated. */
    public static final String PARTS_PROPERTY = "mirror.ready.parts";
    /** The part checked by the runtime: HTTP whiteboard up and the display page served. */
    public static final String HTTP = "http";
    /** The part the WebSocket server announces. */
    public static final String WEBSOCKET = WebSocketServer.READY_PART;
    /**
     * The part the widget registry announces: the framework has started every bundle that is to start, and every
     * widget registered or configured then has finished its first refresh, failed to activate or run past its
     * timeout; or the registry's readiness wait (10 s by default) is over.
     */
    public static final String WIDGETS = "widgets";
    /** Required parts when {@value #PARTS_PROPERTY} is not set. */
    public static final String DEFAULT_PARTS = HTTP;
    /** The log line that scripts and tests wait for. */
    public static final String READY_LINE = "Campus Mirror ready";

    private Readiness() {
    }
}
