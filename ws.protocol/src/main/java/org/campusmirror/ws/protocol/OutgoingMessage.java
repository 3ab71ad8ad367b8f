package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;

/**
 * A data message sent in fragments (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.4">RFC 6455
 * section 5.4</a>), from {@link WebSocketConnection#startMessage(OpCode)}: each {@link #send} queues one
 * non-final frame, {@link #finish} the final one. Control frames (ping, pong, close) may go out in between;
 * another data message may not start until this one is finished.
 *
 * <p>A text message is checked as it goes: a fragment that makes the text invalid UTF-8 is refused with
 * {@link IllegalArgumentException}. Fragments may split code points.
 */
public final class OutgoingMessage {
    private final WebSocketConnection connection;
    private final OpCode type;
    private final Utf8Validator utf8;
    private boolean started;
    private boolean finished;

    OutgoingMessage(WebSocketConnection connection, OpCode type) {
        this.connection = connection;
        this.type = type;
        this.utf8 = type == OpCode.TEXT ? new Utf8Validator() : null;
    }

    public OpCode type() {
        return type;
    }

    /**
     * Queues {@code fragment} (between position and limit, copied; the buffer is left as it was) as a
     * non-final frame.
     *
     * @return false when the connection no longer sends messages (the fragment is dropped)
     */
    public boolean send(ByteBuffer fragment) {
        return sendPart(fragment, Part.MIDDLE);
    }

    /** Queues {@code lastFragment} as the final frame; the message is complete. */
    public boolean finish(ByteBuffer lastFragment) {
        return sendPart(lastFragment, Part.LAST);
    }

    /** Ends the message with an empty final frame. */
    public boolean finish() {
        return finish(ByteBuffer.allocate(0));
    }

    public boolean isFinished() {
        return finished;
    }

    private enum Part { MIDDLE, LAST }

    private boolean sendPart(ByteBuffer data, Part part) {
        if (finished) {
            throw new IllegalStateException("message already finished");
        }
        if (utf8 != null) {
            int before = utf8.save();
            if (!utf8.feed(data) || (part == Part.LAST && !utf8.isComplete())) {
                utf8.restore(before); // the refused fragment leaves the message as it was
                throw new IllegalArgumentException("text fragment is not valid UTF-8");
            }
        }
        FragmentPosition position = FragmentPosition.of(!started, part == Part.LAST);
        started = true;
        finished = position.isLast();
        return connection.sendFragment(this, data, position);
    }
}
