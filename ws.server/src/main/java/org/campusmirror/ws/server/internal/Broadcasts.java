package org.campusmirror.ws.server.internal;

import java.nio.ByteBuffer;
import java.util.List;

import org.campusmirror.ws.deflate.PerMessageDeflate;
import org.campusmirror.ws.deflate.SharedMessage;
import org.campusmirror.ws.protocol.EncodedFrame;
import org.campusmirror.ws.protocol.Frame;
import org.campusmirror.ws.protocol.FrameWriter;
import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.server.ServerLimits;
import org.campusmirror.ws.server.SlowConsumerPolicy;

/**
 * Broadcasts of one server: a message is encoded once (and compressed once), its bytes charged to the memory
 * budget once ({@link SharedBytes}); then each loop queues it on its connections, skipping the slowest consumers
 * under memory pressure (every consumer at the limit) and telling its {@link LoadShedder} what it skipped.
 */
final class Broadcasts {
    /** What a broadcast costs besides its frames' bytes: the frame and tracking objects. */
    private static final int BROADCAST_COST = 256;

    private final MemoryBudget budget;
    private final Counters counters;
    private final LoadShedder[] shedders;
    private final ServerLimits limits;

    /** @param shedders the loops' shedders, by loop index (a restarted loop's new shedder takes its slot) */
    Broadcasts(MemoryBudget budget, Counters counters, LoadShedder[] shedders, ServerLimits limits) {
        this.budget = budget;
        this.counters = counters;
        this.shedders = shedders;
        this.limits = limits;
    }

    /**
     * A message encoded once: with permessage-deflate on the endpoint, a plain and (above the threshold) a
     * compressed frame, each connection taking the one its negotiation allows; else one plain frame. Its bytes
     * are charged to the budget once ({@code owner}).
     */
    record Broadcast(EncodedFrame plain, SharedMessage shared, SharedBytes owner) {
        EncodedFrame frameFor(Session session) {
            return shared == null ? plain : shared.frameFor(session.connection);
        }
    }

    /** The encoded broadcast, or null (counted, logged) when the budget cannot take even its frame. */
    Broadcast encode(EndpointRegistration registration, OpCode type, ByteBuffer payload, int loopCount) {
        counters.broadcastsEncoded.increment();
        PerMessageDeflate deflate = registration == null ? null : registration.deflate();
        EncodedFrame plain = null;
        SharedMessage shared = null;
        long bytes = BROADCAST_COST;
        if (deflate != null) {
            shared = deflate.encodeShared(type, payload);
            bytes += shared.plainFrame().length() + shared.compressedFrame().map(EncodedFrame::length).orElse(0);
        } else {
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload.duplicate()).flip();
            plain = FrameWriter.encodeShared(Frame.of(type, copy));
            bytes += plain.length();
        }
        if (!budget.tryAcquire(bytes)) {
            counters.broadcastsRefused.increment();
            IoLoop.LOG.debug("broadcast of {} bytes dropped: the memory budget is used up", payload.remaining());
            return null;
        }
        return new Broadcast(plain, shared, new SharedBytes(bytes, budget, loopCount, shedders.length));
    }

    void distribute(IoLoop loop, SessionList sessions, Broadcast message) {
        Distribution distribution = new Distribution(loop, message);
        try {
            for (int i = sessions.size() - 1; i >= 0; i--) {
                distribution.offer(sessions.get(i));
            }
        } finally {
            distribution.finish(); // the budget and the shared bytes' holders must hear of every view queued
        }
    }

    void distribute(IoLoop loop, List<Session> sessions, Broadcast message) {
        Distribution distribution = new Distribution(loop, message);
        try {
            sessions.forEach(distribution::offer);
        } finally {
            distribution.finish();
        }
    }

    /**
     * One broadcast queued on the connections of one loop: the slowest consumers are skipped under memory
     * pressure (every consumer at the limit), and the views queued are charged in one go. Loop thread.
     */
    private final class Distribution {
        private final IoLoop loop;
        private final Broadcast message;
        private final LoadShedder shedder;
        private final long fairShare = budget.fairShare(counters.open.get());
        private final boolean dropWhenSlow = limits.slowConsumer() == SlowConsumerPolicy.DROP_BROADCASTS;
        private long charged;
        private int delivered;

        Distribution(IoLoop loop, Broadcast message) {
            this.loop = loop;
            this.message = message;
            this.shedder = shedders[loop.index()];
        }

        void offer(Session session) {
            long used = budget.used() + charged;
            boolean skip;
            if (used + SharedDeliveries.VIEW_COST > budget.limit()
                    || (used > budget.pressureMark() && session.backlog() > fairShare)) {
                shedder.skipped(session);
                skip = true;
            } else {
                skip = dropWhenSlow && session.pendingBytes() > limits.highWaterBytes();
            }
            if (skip) {
                counters.broadcastsDropped.increment();
                IoLoop.LOG.trace("{}: slow consumer, a broadcast was skipped", session);
            } else if (session.deliverShared(message.frameFor(session), message.owner)) {
                charged += SharedDeliveries.VIEW_COST;
                delivered++;
            }
        }

        void finish() {
            counters.broadcastDeliveries.add(delivered);
            shedder.delivered(delivered);
            budget.acquire(charged);
            message.owner.distributed(loop);
        }
    }
}
