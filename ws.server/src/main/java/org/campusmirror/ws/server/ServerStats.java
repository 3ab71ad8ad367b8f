package org.campusmirror.ws.server;

/**
 * Counters of a {@link WebSocketServer} since it started, for monitoring and tests. A snapshot: each value
 * was read at about the same moment.
 *
 * @param openConnections      connections now open or handshaking
 * @param accepted             TCP connections accepted
 * @param upgraded             handshakes completed (connections that became WebSockets)
 * @param refusedOverLimit     connections answered 503 because {@link ServerLimits#maxConnections()} was reached
 * @param handshakesRejected   upgrade requests refused with a 4xx status (bad request, 401/403, 404, ...)
 * @param handshakeTimeouts    connections dropped for not completing the handshake in time
 * @param broadcastsEncoded    frames encoded for {@link WebSocketServer#broadcast} (once per broadcast)
 * @param broadcastDeliveries  broadcast frames queued on a connection
 * @param broadcastsDropped    broadcast deliveries skipped for a slow consumer
 * @param slowConsumerCloses   connections closed by the slow-consumer policy
 * @param heartbeatTimeouts    connections terminated for a missed pong
 * @param protocolErrors       connections failed for a protocol violation or limit (1002, 1007, 1009, ...)
 */
public record ServerStats(int openConnections, long accepted, long upgraded, long refusedOverLimit,
        long handshakesRejected, long handshakeTimeouts, long broadcastsEncoded, long broadcastDeliveries,
        long broadcastsDropped, long slowConsumerCloses, long heartbeatTimeouts, long protocolErrors) {
}
