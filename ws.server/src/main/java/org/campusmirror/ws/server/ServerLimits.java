package org.campusmirror.ws.server;

import java.time.Duration;
import java.util.Objects;

import org.campusmirror.ws.protocol.ProtocolLimits;

/**
 * Every limit of a {@link WebSocketServer} (and of a {@link WebSocketClient}'s connections), with defaults
 * ({@link #DEFAULTS}, built from the {@code DEFAULT_} constants, which the OSGi configuration's defaults use too).
 * Input over a limit gets the status or close code of
 * <a href="https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1">RFC 6455 section 7.4.1</a> and one log line;
 * nothing grows without bound.
 *
 * <p>The defaults fit the mirror's default heap (64 MB, of which the framework and the widgets take about a
 * third): a memory budget of a quarter of the heap for every queue and partial message together, messages of
 * at most 1 MiB (a sixteenth of that budget), and 1000 connections, each of which holds about 3 KiB idle and
 * 11 KiB once it has sent (its output chunk) outside the budget.
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
 * @param memoryBudgetBytes the one byte budget of the whole server: every connection's queued outbound bytes and
 *                          every partial inbound message (inflated bytes included) count against it. Above half
 *                          of it broadcasts skip the slowest consumers, above three quarters the slowest are
 *                          closed with 1013, at the limit an inbound message that needs more is refused with
 *                          1013. 0: a quarter of the maximum heap ({@link #effectiveMemoryBudget()})
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
        Duration closeLinger,
        long memoryBudgetBytes) {

    /** Largest frame payload and message of a server: 1 MiB (the engine's own default is 16 MiB). */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 1L << 20;
    public static final int DEFAULT_MAX_CONNECTIONS = 1000;
    public static final long DEFAULT_HIGH_WATER_BYTES = 256L << 10;
    public static final long DEFAULT_LOW_WATER_BYTES = 64L << 10;
    /** The name of a {@link SlowConsumerPolicy}. */
    public static final String DEFAULT_SLOW_CONSUMER_POLICY = "CLOSE";
    public static final long DEFAULT_SLOW_CONSUMER_GRACE_MS = 10_000;
    /** 0: no idle timeout. */
    public static final long DEFAULT_IDLE_TIMEOUT_SECONDS = 0;
    public static final long DEFAULT_SHUTDOWN_GRACE_MS = 5_000;
    public static final long DEFAULT_CLOSE_LINGER_MS = 2_000;
    /** 0: derived from the heap, see {@link #MEMORY_BUDGET_HEAP_SHARE}. */
    public static final long DEFAULT_MEMORY_BUDGET_BYTES = 0;
    /**
     * The memory budget's default share of the maximum heap ({@code Runtime.maxMemory()}): one quarter. The rest
     * is for the framework and the widgets (about a third of the default 64 MB heap), each connection's fixed
     * state (outside the budget, bounded by {@code maxConnections}), and the young garbage between collections;
     * and what the budget counts is a little less than what the bytes cost (object headers, array slack).
     */
    public static final int MEMORY_BUDGET_HEAP_SHARE = 4;

    /** The defaults above; handshake size and time and the closing timeout as in {@link ProtocolLimits}. */
    public static final ServerLimits DEFAULTS = new ServerLimits(ProtocolLimits.DEFAULTS
            .withMaxFramePayload(DEFAULT_MAX_MESSAGE_BYTES).withMaxMessageSize(DEFAULT_MAX_MESSAGE_BYTES),
            DEFAULT_MAX_CONNECTIONS, DEFAULT_HIGH_WATER_BYTES, DEFAULT_LOW_WATER_BYTES,
            SlowConsumerPolicy.valueOf(DEFAULT_SLOW_CONSUMER_POLICY), Duration.ofMillis(DEFAULT_SLOW_CONSUMER_GRACE_MS),
            Duration.ofSeconds(DEFAULT_IDLE_TIMEOUT_SECONDS), Duration.ofMillis(DEFAULT_SHUTDOWN_GRACE_MS),
            Duration.ofMillis(DEFAULT_CLOSE_LINGER_MS), DEFAULT_MEMORY_BUDGET_BYTES);

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
        if (memoryBudgetBytes < 0) {
            throw new IllegalArgumentException("memoryBudgetBytes must not be negative (0: derived from the heap): "
                    + memoryBudgetBytes);
        }
    }

    /** The memory budget in bytes: {@code memoryBudgetBytes}, or a quarter of the maximum heap when it is 0. */
    public long effectiveMemoryBudget() {
        return memoryBudgetBytes > 0 ? memoryBudgetBytes : Runtime.getRuntime().maxMemory() / MEMORY_BUDGET_HEAP_SHARE;
    }

    public ServerLimits withProtocol(ProtocolLimits limits) {
        return new ServerLimits(limits, maxConnections, highWaterBytes, lowWaterBytes, slowConsumer,
                slowConsumerGrace, idleTimeout, shutdownGrace, closeLinger, memoryBudgetBytes);
    }

    public ServerLimits withMaxConnections(int connections) {
        return new ServerLimits(protocol, connections, highWaterBytes, lowWaterBytes, slowConsumer,
                slowConsumerGrace, idleTimeout, shutdownGrace, closeLinger, memoryBudgetBytes);
    }

    /** The outbound high- and low-water marks, in bytes. */
    public ServerLimits withWaterMarks(long high, long low) {
        return new ServerLimits(protocol, maxConnections, high, low, slowConsumer, slowConsumerGrace, idleTimeout,
                shutdownGrace, closeLinger, memoryBudgetBytes);
    }

    public ServerLimits withSlowConsumer(SlowConsumerPolicy policy, Duration grace) {
        return new ServerLimits(protocol, maxConnections, highWaterBytes, lowWaterBytes, policy, grace, idleTimeout,
                shutdownGrace, closeLinger, memoryBudgetBytes);
    }

    public ServerLimits withIdleTimeout(Duration timeout) {
        return new ServerLimits(protocol, maxConnections, highWaterBytes, lowWaterBytes, slowConsumer,
                slowConsumerGrace, timeout, shutdownGrace, closeLinger, memoryBudgetBytes);
    }

    public ServerLimits withShutdownGrace(Duration grace) {
        return new ServerLimits(protocol, maxConnections, highWaterBytes, lowWaterBytes, slowConsumer,
                slowConsumerGrace, idleTimeout, grace, closeLinger, memoryBudgetBytes);
    }

    /** How long a closing connection lingers for its last bytes and the peer's FIN (see {@code closeLinger}). */
    public ServerLimits withCloseLinger(Duration linger) {
        return new ServerLimits(protocol, maxConnections, highWaterBytes, lowWaterBytes, slowConsumer,
                slowConsumerGrace, idleTimeout, shutdownGrace, linger, memoryBudgetBytes);
    }

    /** The memory budget in bytes; 0: a quarter of the maximum heap. */
    public ServerLimits withMemoryBudget(long bytes) {
        return new ServerLimits(protocol, maxConnections, highWaterBytes, lowWaterBytes, slowConsumer,
                slowConsumerGrace, idleTimeout, shutdownGrace, closeLinger, bytes);
    }
}
