package org.campusmirror.ws.server;

import java.time.Duration;
import java.util.Objects;

import org.campusmirror.ws.protocol.ProtocolLimits;

/**
 * Every limit of a {@link WebSocketServer} (and of a {@link WebSocketClient}'s connections), with defaults
 * ({@link #DEFAULTS}). Input over a limit gets the status or close code of
 * <a href="https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1">RFC 6455 section 7.4.1</a> and one log line;
 * nothing grows without bound.
 *
 * @param protocol          the engine's limits: frame and message size (1009), handshake size (431) and time
 *                          (the connection is dropped), closing timeout
 * @param maxConnections    open connections (handshaking ones included); one more is answered {@code 503} and
 *                          closed at once
 * @param highWaterBytes    queued outbound bytes of one connection above which the server stops reading from
 *                          it and the slow-consumer policy starts counting
 * @param lowWaterBytes     below this the server reads from a paused connection again
 * @param slowConsumer      what happens to a connection that stays over {@code highWaterBytes}
 * @param slowConsumerGrace how long a connection may stay over {@code highWaterBytes} before the policy acts
 * @param idleTimeout       a connection that receives nothing for this long is closed with 1001 (zero: never);
 *                          heartbeats (pongs) count as traffic
 * @param shutdownGrace     how long {@link WebSocketServer#close()} waits for close handshakes to finish
 * @param closeLinger       how long a connection that is closing (after the close handshake, a failure such as
 *                          1009, a refused handshake or a 503) may take to write its last bytes and then, its
 *                          side shut down (FIN), to wait for the peer's FIN while reading and dropping what the
 *                          peer still sends: closing TCP with unread input would reset the connection and lose
 *                          those last bytes on the peer's side
 *                          (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-7.1.1">RFC 6455 section
 *                          7.1.1</a>); must be positive
 */
public record ServerLimits(
        ProtocolLimits protocol,
        int maxConnections,
        long highWaterBytes,
        long lowWaterBytes,
        SlowConsumerPolicy slowConsumer,
        Duration slowConsumerGrace,
        Duration idleTimeout,
        Duration shutdownGrace,
        Duration closeLinger) {

    /**
     * 16 MiB messages, 16 KiB and 10 s for a handshake, 10,000 connections, 1 MiB high water and 256 KiB low
     * water, slow consumers closed with 1008 after 10 s over the mark, no idle timeout, 5 s shutdown grace,
     * 2 s linger when closing.
     */
    public static final ServerLimits DEFAULTS = new ServerLimits(ProtocolLimits.DEFAULTS, 10_000,
            1L << 20, 256L << 10, SlowConsumerPolicy.CLOSE, Duration.ofSeconds(10), Duration.ZERO,
            Duration.ofSeconds(5), Duration.ofSeconds(2));

    public ServerLimits {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(slowConsumer, "slowConsumer");
        Objects.requireNonNull(slowConsumerGrace, "slowConsumerGrace");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(closeLinger, "closeLinger");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
        if (lowWaterBytes < 0 || highWaterBytes <= lowWaterBytes) {
            throw new IllegalArgumentException("need 0 <= lowWaterBytes < highWaterBytes: " + lowWaterBytes + ", "
                    + highWaterBytes);
        }
        if (slowConsumerGrace.isNegative() || idleTimeout.isNegative() || shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
        if (closeLinger.isNegative() || closeLinger.isZero()) {
            throw new IllegalArgumentException("closeLinger must be positive: " + closeLinger);
        }
    }

    public ServerLimits withProtocol(ProtocolLimits limits) {
        return new ServerLimits(limits, maxConnections, highWaterBytes, lowWaterBytes, slowConsumer,
                slowConsumerGrace, idleTimeout, shutdownGrace, closeLinger);
    }

    public ServerLimits withMaxConnections(int connections) {
        return new ServerLimits(protocol, connections, highWaterBytes, lowWaterBytes, slowConsumer,
                slowConsumerGrace, idleTimeout, shutdownGrace, closeLinger);
    }

    /** The outbound high- and low-water marks, in bytes. */
    public ServerLimits withWaterMarks(long high, long low) {
        return new ServerLimits(protocol, maxConnections, high, low, slowConsumer, slowConsumerGrace, idleTimeout,
                shutdownGrace, closeLinger);
    }

    public ServerLimits withSlowConsumer(SlowConsumerPolicy policy, Duration grace) {
        return new ServerLimits(protocol, maxConnections, highWaterBytes, lowWaterBytes, policy, grace, idleTimeout,
                shutdownGrace, closeLinger);
    }

    public ServerLimits withIdleTimeout(Duration timeout) {
        return new ServerLimits(protocol, maxConnections, highWaterBytes, lowWaterBytes, slowConsumer,
                slowConsumerGrace, timeout, shutdownGrace, closeLinger);
    }

    public ServerLimits withShutdownGrace(Duration grace) {
        return new ServerLimits(protocol, maxConnections, highWaterBytes, lowWaterBytes, slowConsumer,
                slowConsumerGrace, idleTimeout, grace, closeLinger);
    }

    /** How long a closing connection lingers for its last bytes and the peer's FIN (see {@code closeLinger}). */
    public ServerLimits withCloseLinger(Duration linger) {
        return new ServerLimits(protocol, maxConnections, highWaterBytes, lowWaterBytes, slowConsumer,
                slowConsumerGrace, idleTimeout, shutdownGrace, linger);
    }
}
