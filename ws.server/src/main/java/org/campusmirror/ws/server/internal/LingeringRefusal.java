package org.campusmirror.ws.server.internal;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * A connection refused over the connection limit, after its {@code 503}: our side is shut down (FIN after
 * the answer), and whatever the client still sends (its upgrade request, more) is read and dropped until its
 * FIN or the deadline. Closing at once, with the request unread, would make the kernel reset the connection,
 * and a client that fails writing its request never reads the 503. It holds only the channel and the
 * deadline; a loop keeps a bounded number of them ({@link IoLoop#lingerRefused}).
 */
final class LingeringRefusal implements Selectable {
    private final SocketChannel channel;
    private final IoLoop loop;
    /** When the loop closes it at the latest ({@link IoLoop#now()} clock). */
    final long deadline;

    LingeringRefusal(SocketChannel channel, IoLoop loop, long deadline) {
        this.channel = channel;
        this.loop = loop;
        this.deadline = deadline;
    }

    @Override
    public void ready(int readyOps) {
        try {
            if (!loop.discard(channel)) {
                loop.refusalEnded(this);
            }
        } catch (IOException e) {
            IoLoop.LOG.debug("refused connection: read failed: {}", e.toString());
            loop.refusalEnded(this);
        }
    }

    @Override
    public void abort() {
        loop.refusalEnded(this);
    }

    /** Closes the socket (and so cancels its key). */
    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            IoLoop.LOG.debug("refused connection: close failed: {}", e.toString());
        }
    }
}
