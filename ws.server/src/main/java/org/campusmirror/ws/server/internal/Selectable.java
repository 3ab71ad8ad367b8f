package org.campusmirror.ws.server.internal;

/** Something registered with an {@link IoLoop}'s selector: a connection or a listening socket. */
interface Selectable {
    /** The channel is ready for {@code readyOps}; called on the loop's thread. */
    void ready(int readyOps);

    /**
     * Serving it ran out of memory: let go of it (a connection closes, which frees its buffers), so that the
     * loop can go on serving the others. Loop thread.
     */
    default void abort() {
    }
}
