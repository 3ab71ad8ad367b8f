package org.campusmirror.ws.autobahn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class WireLogTest {

    @Test
    void keepsTheFirstAndLastBytesOfEachDirectionWhateverTheDeliverySizes() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int bytesPerDirection = 2 * random.nextInt(40);
            WireLog log = new WireLog(bytesPerDirection);
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            int deliveries = random.nextInt(12);
            for (int i = 0; i < deliveries; i++) {
                byte[] piece = new byte[random.nextInt(3) == 0 ? random.nextInt(200) : random.nextInt(8)];
                random.nextBytes(piece);
                // a buffer whose position is not 0, as the drivers pass them
                ByteBuffer buffer = ByteBuffer.allocate(piece.length + 3).position(3);
                buffer.put(piece).position(3);
                log.sent(buffer);
                assertEquals(3, buffer.position(), "the caller's buffer is left as it was");
                sent.write(piece, 0, piece.length);
            }
            assertEquals(expectedLines(sent.toByteArray(), deliveries, bytesPerDirection / 2),
                    log.lines().subList(0, log.lines().size() - 1), "round " + round);
        }
    }

    @Test
    void reportsBothDirectionsApart() {
        WireLog log = new WireLog(8);
        log.sent(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7}));
        log.received(ByteBuffer.wrap(new byte[] {9}));
        assertEquals(List.of(
                "peer->endpoint: 7 bytes in 1 deliveries",
                "peer->endpoint first: 01020304",
                "peer->endpoint last: 050607",
                "endpoint->peer: 1 bytes in 1 deliveries",
                "endpoint->peer first: 09"), log.lines());
    }

    /** What the report must say: the first {@code half} bytes, then the last bytes after them, at most half. */
    private static List<String> expectedLines(byte[] all, int deliveries, int half) {
        String name = "peer->endpoint";
        List<String> lines = new java.util.ArrayList<>();
        lines.add(name + ": " + all.length + " bytes in " + deliveries + " deliveries");
        int headCount = Math.min(half, all.length);
        if (headCount > 0) {
            lines.add(name + " first: " + Hex.encode(Arrays.copyOf(all, headCount)));
        }
        int tailCount = Math.min(half, all.length - headCount);
        if (tailCount > 0) {
            lines.add(name + " last: " + Hex.encode(Arrays.copyOfRange(all, all.length - tailCount, all.length)));
        }
        return lines;
    }
}
