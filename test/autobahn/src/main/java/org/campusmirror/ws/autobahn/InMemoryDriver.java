package org.campusmirror.ws.autobahn;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Runs one case against an {@link EndpointUnderTest} on a virtual clock (see the README, "Time in
 * memory"): deliver, drain, repeat until quiescent; only then let time pass, in steps, up to the
 * peer's next timer.
 */
final class InMemoryDriver implements PeerProtocol.Wire {
    /** A run that needs more virtual time than this is stuck (the longest case timer is 480 s). */
    private static final long VIRTUAL_LIMIT_NANOS = Duration.ofMinutes(20).toNanos();

    private final EndpointUnderTest endpoint;
    private final PeerOptions options;
    private final Deque<OutboundWrite> pending = new ArrayDeque<>();
    private final ByteBuffer delivery;
    private final WireLog wireLog;
    private long now;
    private boolean dropRequested;
    private boolean dropAbort;
    private boolean dropped;
    private boolean endpointClosed;

    private InMemoryDriver(EndpointUnderTest endpoint, PeerOptions options) {
        this.endpoint = endpoint;
        this.options = options;
        this.delivery = ByteBuffer.allocate(options.deliveryChunk());
        this.wireLog = new WireLog(options.wireLogBytes());
    }

    static CaseResult run(AutobahnCase testCase, FuzzerMode mode, EndpointFactory factory, PeerOptions options) {
        EndpointUnderTest endpoint = factory.open(testCase);
        InMemoryDriver driver = new InMemoryDriver(endpoint, options);
        PeerSession session = new PeerSession(testCase, mode, options, driver);
        try {
            driver.loop(session);
        } catch (RuntimeException e) {
            session.abandon("the endpoint threw " + e);
        }
        return session.result(driver.now / 1_000_000, driver.wireLog.lines());
    }

    private void loop(PeerSession session) {
        session.start("localhost", 9001, "/");
        while (!session.finished()) {
            if (pump(session)) {
                continue;
            }
            long due = session.timers().nextDue();
            if (due == Long.MAX_VALUE) {
                session.abandon("neither side sends anything and no timer of the case is pending");
                break;
            }
            if (now > VIRTUAL_LIMIT_NANOS) {
                session.abandon("virtual time limit reached");
                break;
            }
            long step = Math.min(due - now, options.timeStep().toNanos());
            if (step > 0) {
                now += step;
                if (!endpointClosed && !dropped) {
                    endpoint.advanceTime(Duration.ofNanos(step));
                }
            }
            if (now >= due) {
                session.runTimers(now);
            }
        }
        applyDrop();
    }

    /** One round of traffic; false when nothing moved. */
    private boolean pump(PeerSession session) {
        boolean progress = applyDrop();
        if (!dropped && !endpointClosed && !pending.isEmpty()) {
            deliverOne();
            progress = true;
        }
        if (!dropped) {
            ByteBuffer out = endpoint.drainOutput();
            if (out.hasRemaining()) {
                wireLog.received(out);
                session.onBytes(out);
                progress = true;
            }
            if (!endpointClosed && endpoint.closedTransport()) {
                endpointClosed = true;
                ByteBuffer last = endpoint.drainOutput();
                if (last.hasRemaining()) {
                    wireLog.received(last);
                    session.onBytes(last);
                }
                session.onTransportClosed();
                progress = true;
            }
        }
        return progress;
    }

    private boolean applyDrop() {
        if (!dropRequested || dropped) {
            return false;
        }
        if (!dropAbort) {
            while (!pending.isEmpty() && !endpointClosed) {
                deliverOne();
            }
        }
        pending.clear();
        dropped = true;
        if (!endpointClosed) {
            endpoint.peerClosedTransport();
        }
        return true;
    }

    private void deliverOne() {
        delivery.clear();
        OutboundWrite head = pending.peek();
        if (head.separate()) {
            int size = head.chopSize() > 0 ? Math.min(head.chopSize(), delivery.capacity()) : delivery.capacity();
            head.readInto(delivery, size);
            if (head.remaining() == 0) {
                pending.poll();
            }
        } else {
            while (!pending.isEmpty() && !pending.peek().separate() && delivery.hasRemaining()) {
                OutboundWrite write = pending.peek();
                write.readInto(delivery, delivery.remaining());
                if (write.remaining() == 0) {
                    pending.poll();
                }
            }
        }
        delivery.flip();
        wireLog.sent(delivery);
        endpoint.receive(delivery);
    }

    @Override
    public void write(OutboundWrite write) {
        if (!dropRequested) {
            pending.add(write);
        }
    }

    @Override
    public void drop(boolean abort) {
        if (!dropRequested) {
            dropRequested = true;
            dropAbort = abort;
        }
    }

    @Override
    public long nanoTime() {
        return now;
    }
}
