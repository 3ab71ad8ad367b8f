package org.campusmirror.ws.deflate.internal;

import java.nio.ByteBuffer;

import org.campusmirror.ws.protocol.PayloadSink;
import org.campusmirror.ws.protocol.WebSocketProtocolException;

/**
 * Passes a message's compressed output on, minus the {@code 00 00 ff ff} that ends it
 * (<a href="https://www.rfc-editor.org/rfc/rfc7692#section-7.2.1">RFC 7692 section 7.2.1</a>): the last four
 * bytes seen are held back until {@link #finish()} checks and drops them. When nothing at all is left to send,
 * it sends the single byte {@code 00} instead (section 7.2.3.6): with the receiver's appended tail that is an
 * empty stored block, where an empty payload would leave the receiver's inflater inside one.
 */
public final class TailStrippingSink implements PayloadSink {
    private static final int TAIL_LENGTH = 4;
    private static final byte[] EMPTY_BLOCK_HEADER = {0};

    private final byte[] held = new byte[TAIL_LENGTH];
    private int heldCount;
    private long passedOn;
    private PayloadSink target;

    /** Starts a message's last part; returns this sink, which forwards to {@code out}. */
    public PayloadSink begin(PayloadSink out) {
        target = out;
        heldCount = 0;
        passedOn = 0;
        return this;
    }

    @Override
    public void accept(ByteBuffer bytes) throws WebSocketProtocolException {
        int incoming = bytes.remaining();
        int total = heldCount + incoming;
        if (total <= TAIL_LENGTH) {
            bytes.get(held, heldCount, incoming);
            heldCount = total;
            return;
        }
        int release = total - TAIL_LENGTH;
        int fromHeld = Math.min(heldCount, release);
        if (fromHeld > 0) {
            pass(ByteBuffer.wrap(held, 0, fromHeld));
            System.arraycopy(held, fromHeld, held, 0, heldCount - fromHeld);
            heldCount -= fromHeld;
        }
        int fromBytes = release - fromHeld;
        if (fromBytes > 0) {
            ByteBuffer head = bytes.duplicate();
            head.limit(head.position() + fromBytes);
            pass(head);
            bytes.position(bytes.position() + fromBytes);
        }
        int rest = bytes.remaining();
        bytes.get(held, heldCount, rest);
        heldCount += rest;
    }

    /**
     * Ends the message: the held bytes must be the tail, or there must have been no output at all.
     *
     * @throws IllegalStateException when the compressor's output did not end with {@code 00 00 ff ff}
     */
    public void finish() throws WebSocketProtocolException {
        if (heldCount == TAIL_LENGTH) {
            if (held[0] != 0 || held[1] != 0 || held[2] != (byte) 0xff || held[3] != (byte) 0xff) {
                throw new IllegalStateException("compressed message does not end with 00 00 ff ff");
            }
        } else if (heldCount != 0 || passedOn != 0) {
            throw new IllegalStateException("compressed message ends with " + heldCount + " bytes, not 00 00 ff ff");
        }
        if (passedOn == 0) {
            pass(ByteBuffer.wrap(EMPTY_BLOCK_HEADER));
        }
        target = null;
    }

    private void pass(ByteBuffer bytes) throws WebSocketProtocolException {
        passedOn += bytes.remaining();
        target.accept(bytes);
    }
}
