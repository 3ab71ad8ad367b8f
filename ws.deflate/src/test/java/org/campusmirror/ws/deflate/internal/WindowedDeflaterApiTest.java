package org.campusmirror.ws.deflate.internal;

import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.compressMessage;
import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.drain;
import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.inflateAlone;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import org.campusmirror.ws.deflate.internal.WindowedDeflaterConfig.ContextTakeover;
import org.junit.jupiter.api.Test;

/** The ByteBuffer variants, partial draining and reset behave like the array path. */
class WindowedDeflaterApiTest {
    private static final WindowedDeflaterConfig CONFIG = WindowedDeflaterConfig.of(10, ContextTakeover.KEEP);

    @Test
    void directByteBufferInputGivesTheSameStreamAsArrayInput() {
        byte[] message = Payloads.json(45_000, 1);
        ByteBuffer input = ByteBuffer.allocateDirect(message.length).put(message).flip();
        WindowedDeflater fromBuffer = new WindowedDeflater(CONFIG);

        fromBuffer.write(input);
        fromBuffer.finishMessage();

        assertEquals(0, input.remaining());
        assertArrayEquals(compressMessage(new WindowedDeflater(CONFIG), message), drain(fromBuffer));
    }

    @Test
    void drainingIntoASmallByteBufferLeavesTheRestPending() {
        WindowedDeflater deflater = new WindowedDeflater(CONFIG);
        byte[] message = Payloads.text(5_000, 2);
        deflater.write(message, 0, message.length);
        deflater.finishMessage();
        int total = deflater.pendingOutput();
        ByteBuffer first = ByteBuffer.allocate(100);

        int moved = deflater.drainTo(first);

        assertEquals(100, moved);
        assertEquals(0, first.remaining());
        assertEquals(total - 100, deflater.pendingOutput());
    }

    @Test
    void resetMidMessageDropsItAndStartsAFreshStream() throws DataFormatException {
        WindowedDeflater deflater = new WindowedDeflater(CONFIG);
        byte[] abandoned = Payloads.json(80_000, 3);
        deflater.write(abandoned, 0, abandoned.length);
        byte[] message = Payloads.json(2_000, 3);

        deflater.reset();
        byte[] stream = compressMessage(deflater, message);

        // Nothing of the abandoned message is left, and nothing refers back into it.
        assertArrayEquals(message, inflateAlone(stream, message.length));
    }

    @Test
    void outOfRangeSliceIsRefused() {
        WindowedDeflater deflater = new WindowedDeflater(CONFIG);

        assertThrows(IndexOutOfBoundsException.class, () -> deflater.write(new byte[10], 5, 6));
    }
}
