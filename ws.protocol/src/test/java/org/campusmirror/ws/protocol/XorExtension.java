package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;

/** A second toy extension (RSV2) that XORs every byte with 0x55, to test extensions applied in a chain. */
final class XorExtension implements Extension {
    private final ByteBuffer out = ByteBuffer.allocate(256);

    @Override
    public ExtensionOffer negotiated() {
        return ExtensionOffer.of("x-xor");
    }

    @Override
    public int rsvBits() {
        return Frame.RSV2;
    }

    @Override
    public boolean encodes(OpCode type, long length) {
        return true;
    }

    @Override
    public void encode(ByteBuffer data, PayloadSink sink) throws WebSocketProtocolException {
        transform(data, sink);
    }

    @Override
    public void encodeFinal(ByteBuffer data, PayloadSink sink) throws WebSocketProtocolException {
        transform(data, sink);
    }

    @Override
    public void decode(ByteBuffer data, PayloadSink sink) throws WebSocketProtocolException {
        transform(data, sink);
    }

    @Override
    public void finishDecoding(PayloadSink sink) {
    }

    @Override
    public void close() {
    }

    private void transform(ByteBuffer data, PayloadSink sink) throws WebSocketProtocolException {
        while (data.hasRemaining()) {
            out.clear();
            while (out.hasRemaining() && data.hasRemaining()) {
                out.put((byte) (data.get() ^ 0x55));
            }
            sink.accept(out.flip());
        }
    }
}
