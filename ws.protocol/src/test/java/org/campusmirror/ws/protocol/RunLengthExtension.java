package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * A toy per-message extension for testing the SPI: "x-rle" run-length codes a message as pairs (count
 * 1-255, byte) and marks it with RSV1. Decoding expands, so a small frame can carry a large message (a
 * zip bomb in miniature). Only the parameter {@code level} (any value) is known; an offer with another
 * parameter is declined.
 */
final class RunLengthExtension implements Extension {
    private static final int PIECE = 4096;

    private final ExtensionOffer negotiated;
    private final int threshold;
    private final ByteBuffer out = ByteBuffer.allocate(PIECE);
    private int pendingCount = -1;
    int closeCalls;

    RunLengthExtension(ExtensionOffer negotiated, int threshold) {
        this.negotiated = negotiated;
        this.threshold = threshold;
    }

    @Override
    public ExtensionOffer negotiated() {
        return negotiated;
    }

    @Override
    public int rsvBits() {
        return Frame.RSV1;
    }

    @Override
    public boolean encodes(OpCode type, long length) {
        return length < 0 || length >= threshold;
    }

    @Override
    public void encode(ByteBuffer data, PayloadSink sink) throws WebSocketProtocolException {
        while (data.hasRemaining()) {
            byte value = data.get();
            int count = 1;
            while (count < 255 && data.hasRemaining() && data.get(data.position()) == value) {
                data.get();
                count++;
            }
            if (out.remaining() < 2) {
                flush(sink);
            }
            out.put((byte) count).put(value);
        }
        flush(sink);
    }

    @Override
    public void encodeFinal(ByteBuffer data, PayloadSink sink) throws WebSocketProtocolException {
        encode(data, sink);
    }

    @Override
    public void decode(ByteBuffer data, PayloadSink sink) throws WebSocketProtocolException {
        while (data.hasRemaining()) {
            int b = data.get() & 0xFF;
            if (pendingCount < 0) {
                if (b == 0) {
                    throw new WebSocketProtocolException(CloseStatus.INVALID_PAYLOAD, "run of length 0");
                }
                pendingCount = b;
                continue;
            }
            for (int i = 0; i < pendingCount; i++) {
                if (!out.hasRemaining()) {
                    flush(sink);
                }
                out.put((byte) b);
            }
            pendingCount = -1;
        }
        flush(sink);
    }

    @Override
    public void finishDecoding(PayloadSink sink) throws WebSocketProtocolException {
        if (pendingCount >= 0) {
            pendingCount = -1;
            throw new WebSocketProtocolException(CloseStatus.INVALID_PAYLOAD, "message ends inside a run");
        }
    }

    @Override
    public void close() {
        closeCalls++;
    }

    private void flush(PayloadSink sink) throws WebSocketProtocolException {
        if (out.position() > 0) {
            sink.accept(out.flip());
            out.clear();
        }
    }

    /** Negotiates x-rle in both roles; remembers the extensions it created. */
    static final class Factory implements ExtensionFactory {
        private final int threshold;
        RunLengthExtension created;

        Factory() {
            this(1);
        }

        Factory(int threshold) {
            this.threshold = threshold;
        }

        @Override
        public String name() {
            return "x-rle";
        }

        @Override
        public Optional<Extension> acceptOffer(List<ExtensionOffer> offers) {
            for (ExtensionOffer offer : offers) {
                if (onlyKnownParameters(offer)) {
                    created = new RunLengthExtension(offer, threshold);
                    return Optional.of(created);
                }
            }
            return Optional.empty();
        }

        @Override
        public List<ExtensionOffer> offers() {
            return List.of(new ExtensionOffer("x-rle", List.of(new ExtensionParameter("level", "2"))));
        }

        @Override
        public Extension acceptResponse(ExtensionOffer response) throws HandshakeException {
            if (!onlyKnownParameters(response)) {
                throw new HandshakeException(400, "x-rle response with unknown parameters");
            }
            created = new RunLengthExtension(response, threshold);
            return created;
        }

        private static boolean onlyKnownParameters(ExtensionOffer offer) {
            return offer.parameters().stream().allMatch(p -> p.name().equals("level") && p.hasValue());
        }
    }
}
