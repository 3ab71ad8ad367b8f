package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Runs one message through the negotiated extensions that apply to it: on send in negotiation order, on
 * receive in reverse order (RFC 6455 section 9.1). Each stage's output feeds the next stage through a
 * preallocated sink, so a message costs no allocation here. One pipeline for receiving and one for sending
 * per connection, since an outgoing fragmented message may be open while messages arrive.
 */
final class ExtensionPipeline {
    private final Extension[] extensions;
    private final boolean sending;
    private final ByteBuffer empty = ByteBuffer.allocate(0);
    private final int[] active;
    private final StageSink[] stageSinks;
    private int activeCount;
    private PayloadSink output;

    private ExtensionPipeline(Extension[] extensions, boolean sending) {
        this.extensions = extensions;
        this.sending = sending;
        this.active = new int[extensions.length];
        this.stageSinks = new StageSink[extensions.length];
        for (int i = 0; i < stageSinks.length; i++) {
            stageSinks[i] = new StageSink(i);
        }
    }

    static ExtensionPipeline forSending(List<Extension> extensions) {
        return new ExtensionPipeline(checked(extensions), true);
    }

    static ExtensionPipeline forReceiving(List<Extension> extensions) {
        return new ExtensionPipeline(checked(extensions), false);
    }

    /** The RSV bits all negotiated extensions together may set. */
    int rsvBits() {
        int bits = 0;
        for (Extension e : extensions) {
            bits |= e.rsvBits();
        }
        return bits;
    }

    /** Heap bytes all extensions keep between calls ({@link Extension#retainedBytes()}). */
    long retainedBytes() {
        long total = 0;
        for (Extension e : extensions) {
            total += e.retainedBytes();
        }
        return total;
    }

    /** Receiving: selects the extensions whose RSV bits the message's first frame carries. */
    void beginDecoding(int rsv) {
        activeCount = 0;
        for (int i = extensions.length - 1; i >= 0; i--) {
            if ((extensions[i].rsvBits() & rsv) != 0) {
                active[activeCount++] = i;
            }
        }
    }

    /** Sending: selects the extensions that want to transform this message; returns their RSV bits (0: none). */
    int beginEncoding(OpCode type, long length) {
        activeCount = 0;
        int rsv = 0;
        for (int i = 0; i < extensions.length; i++) {
            if (extensions[i].encodes(type, length)) {
                active[activeCount++] = i;
                rsv |= extensions[i].rsvBits();
            }
        }
        return rsv;
    }

    boolean isActive() {
        return activeCount > 0;
    }

    void decode(ByteBuffer data, PayloadSink out) throws WebSocketProtocolException {
        output = out;
        extensions[active[0]].decode(data, sinkAfter(0));
    }

    void finishDecoding(PayloadSink out) throws WebSocketProtocolException {
        output = out;
        for (int k = 0; k < activeCount; k++) {
            extensions[active[k]].finishDecoding(sinkAfter(k));
        }
    }

    void encode(ByteBuffer data, PayloadSink out) throws WebSocketProtocolException {
        output = out;
        extensions[active[0]].encode(data, sinkAfter(0));
    }

    void encodeFinal(ByteBuffer data, PayloadSink out) throws WebSocketProtocolException {
        output = out;
        extensions[active[0]].encodeFinal(data, sinkAfter(0));
        for (int k = 1; k < activeCount; k++) {
            extensions[active[k]].encodeFinal(empty.clear(), sinkAfter(k));
        }
    }

    private PayloadSink sinkAfter(int stage) {
        return stage + 1 < activeCount ? stageSinks[stage] : output;
    }

    private static Extension[] checked(List<Extension> extensions) {
        int seen = 0;
        for (Extension e : extensions) {
            int bits = e.rsvBits();
            if ((bits & ~Frame.RSV_MASK) != 0 || (bits & seen) != 0) {
                throw new IllegalArgumentException("extensions claim invalid or overlapping RSV bits");
            }
            seen |= bits;
        }
        return extensions.toArray(new Extension[0]);
    }

    /** Feeds the output of stage k into stage k + 1. */
    private final class StageSink implements PayloadSink {
        private final int stage;

        StageSink(int stage) {
            this.stage = stage;
        }

        @Override
        public void accept(ByteBuffer bytes) throws WebSocketProtocolException {
            Extension next = extensions[active[stage + 1]];
            if (sending) {
                next.encode(bytes, sinkAfter(stage + 1));
            } else {
                next.decode(bytes, sinkAfter(stage + 1));
            }
        }
    }
}
