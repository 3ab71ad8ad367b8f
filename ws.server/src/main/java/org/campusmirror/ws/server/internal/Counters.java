package org.campusmirror.ws.server.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.campusmirror.ws.server.ServerStats;

/** The server's statistics, updated from every loop without contention. */
final class Counters {
    final AtomicInteger open = new AtomicInteger();
    final LongAdder accepted = new LongAdder();
    final LongAdder upgraded = new LongAdder();
    final LongAdder refusedOverLimit = new LongAdder();
    final LongAdder handshakesRejected = new LongAdder();
    final LongAdder handshakeTimeouts = new LongAdder();
    final LongAdder broadcastsEncoded = new LongAdder();
    final LongAdder broadcastDeliveries = new LongAdder();
    final LongAdder broadcastsDropped = new LongAdder();
    final LongAdder slowConsumerCloses = new LongAdder();
    final LongAdder heartbeatTimeouts = new LongAdder();
    final LongAdder protocolErrors = new LongAdder();
    final LongAdder broadcastsRefused = new LongAdder();
    final LongAdder shedConnections = new LongAdder();
    final LongAdder messagesRefused = new LongAdder();
    final LongAdder ioThreadRestarts = new LongAdder();

    ServerStats snapshot(MemoryBudget budget) {
        return new ServerStats(open.get(), accepted.sum(), upgraded.sum(), refusedOverLimit.sum(),
                handshakesRejected.sum(), handshakeTimeouts.sum(), broadcastsEncoded.sum(), broadcastDeliveries.sum(),
                broadcastsDropped.sum(), slowConsumerCloses.sum(), heartbeatTimeouts.sum(), protocolErrors.sum(),
                budget.limit(), budget.used(), broadcastsRefused.sum(), shedConnections.sum(), messagesRefused.sum(),
                ioThreadRestarts.sum());
    }
}
