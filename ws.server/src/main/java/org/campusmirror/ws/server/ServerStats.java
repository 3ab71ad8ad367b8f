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
 * @param broadcastsDropped    broadcast deliveries skipped for a slow consumer (by the slow-consumer policy or
 *                             under memory pressure)
 * @param slowConsumerCloses   connections closed by the slow-consumer policy (1008)
 * @param heartbeatTimeouts    connections terminated for a missed pong
 * @param protocolErrors       connections failed for a protocol violation or limit (1002, 1007, 1009, ...)
 * @param memoryBudget         the memory budget in bytes ({@link ServerLimits#effectiveMemoryBudget()})
 * @param memoryUsed           bytes of it in use now: queued output and partial input of every connection
 * @param broadcastsRefused    broadcasts dropped whole because the budget was used up
 * @param shedConnections      connections closed with 1013 to shed load (memory or overload)
 * @param messagesRefused      connections failed with 1013 because an incoming message did not fit the budget
 * @param ioThreadRestarts     I/O threads started again after one ended unexpectedly
 */
public record ServerStats(int openConnections, long accepted, long upgraded, long refusedOverLimit,
        long handshakesRejected, long handshakeTimeouts, long broadcastsEncoded, long broadcastDeliveries,
        long broadcastsDropped, long slowConsumerCloses, long heartbeatTimeouts, long protocolErrors,
        long memoryBudget, long memoryUsed, long broadcastsRefused, long shedConnections, long messagesRefused,
        long ioThreadRestarts) {
}
