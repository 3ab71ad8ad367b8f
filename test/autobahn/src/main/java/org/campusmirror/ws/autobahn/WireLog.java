package org.campusmirror.ws.autobahn;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** The first and last bytes of both directions, for the report of a failed case. */
final class WireLog {
    private final Direction sent;
    private final Direction received;

    WireLog(int bytesPerDirection) {
        sent = new Direction(bytesPerDirection / 2);
        received = new Direction(bytesPerDirection / 2);
    }

    void sent(ByteBuffer bytes) {
        sent.add(bytes);
    }

    void received(ByteBuffer bytes) {
        received.add(bytes);
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        sent.render("peer->endpoint", lines);
        received.render("endpoint->peer", lines);
        return lines;
    }

    private static final class Direction {
        private final byte[] head;
        private final byte[] tail;
        private int headFill;
        private long total;
        private long deliveries;

        Direction(int half) {
            head = new byte[half];
            tail = new byte[half];
        }

        /** Bulk copies: every byte of a case passes here, so no per-byte work (12.x moves 131 MB a case). */
        void add(ByteBuffer bytes) {
            ByteBuffer view = bytes.duplicate();
            deliveries++;
            int toHead = Math.min(head.length - headFill, view.remaining());
            view.get(head, headFill, toHead);
            headFill += toHead;
            total += toHead;
            int rest = view.remaining();
            if (rest > 0 && tail.length > 0) {
                // only the last tail.length bytes can stay in the ring
                int skipped = Math.max(0, rest - tail.length);
                view.position(view.position() + skipped);
                long index = total + skipped;
                while (view.hasRemaining()) {
                    int slot = (int) ((index - head.length) % tail.length);
                    int count = Math.min(tail.length - slot, view.remaining());
                    view.get(tail, slot, count);
                    index += count;
                }
            }
            total += rest;
        }

        void render(String name, List<String> lines) {
            lines.add(name + ": " + total + " bytes in " + deliveries + " deliveries");
            if (headFill > 0) {
                lines.add(name + " first: " + Hex.encode(java.util.Arrays.copyOf(head, headFill)));
            }
            long tailCount = Math.min(tail.length, total - headFill);
            if (tailCount > 0) {
                byte[] last = new byte[(int) tailCount];
                for (int i = 0; i < tailCount; i++) {
                    long index = total - head.length - tailCount + i;
                    last[i] = tail[(int) (index % tail.length)];
                }
                lines.add(name + " last: " + Hex.encode(last));
            }
        }
    }
}
