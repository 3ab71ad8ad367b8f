package org.campusmirror.ws.server;

/**
 * What the server does with a connection whose outbound queue stays above
 * {@link ServerLimits#highWaterBytes()} for {@link ServerLimits#slowConsumerGrace()}: a peer that does not
 * read. Either way the server stops reading from such a peer while it is over the mark, so its queue stays
 * bounded.
 */
public enum SlowConsumerPolicy {
    /**
     * Close it with 1008 (policy violation, <a href="https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1">RFC
     * 6455 section 7.4.1</a>) once the grace has passed; if the peer does not read the close frame either, the
     * TCP connection is dropped after the closing timeout.
     */
    CLOSE,
    /**
     * Keep it, but skip broadcasts to it while it is over the mark (each skipped delivery is counted in
     * {@link ServerStats#broadcastsDropped()} and logged at debug). It is never closed for being slow; its
     * direct sends are the application's to bound, through {@link WebSocket#bufferedAmount()}.
     */
    DROP_BROADCASTS
}
