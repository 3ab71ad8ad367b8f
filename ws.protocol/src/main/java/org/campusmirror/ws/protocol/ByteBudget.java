package org.campusmirror.ws.protocol;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An allowance of heap bytes that connections draw from while they hold received data: the part of a message
 * received so far (inflated bytes included) and what an extension keeps between messages (a decompressor's
 * history). A transport serving many connections gives all of them one budget, so the total stays bounded
 * however the load is spread. When a connection's request is refused it fails with
 * {@link CloseStatus#TRY_AGAIN_LATER} (1013): the message would have fit its limit, but not now.
 *
 * <p>Every byte acquired is released exactly once: when the buffer is dropped, or when the connection ends
 * ({@link WebSocketConnection#transportClosed()}). Implementations are thread-safe: connections on different
 * threads share one budget.
 */
@ConsumerType
public interface ByteBudget {

    /** No limit: every request is granted (the default of a connection). */
    ByteBudget UNLIMITED = new ByteBudget() {
        @Override
        public boolean tryAcquire(long bytes) {
            return true;
        }

        @Override
        public void release(long bytes) {
        }
    };

    /** Takes {@code bytes} (positive) from the budget; false, taking nothing, when they do not fit now. */
    boolean tryAcquire(long bytes);

    /** Gives back {@code bytes} taken earlier. */
    void release(long bytes);
}
