package org.campusmirror.ws.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Many raw WebSocket clients on one selector thread, for overload tests: each sends frames on a schedule,
 * reads (or deliberately does not) and scans what the server sends, frame header by frame header, counting
 * frames and keeping the close code. Nothing is kept of the payloads, so the test JVM stays small.
 */
final class LoadPeers implements AutoCloseable {
    /** How a peer ended, as the test classifies it. */
    enum Outcome { OPEN, CLOSE_FRAME, RESET_WITHOUT_CLOSE }

    /** One client connection. */
    static final class Peer {
        final SocketChannel channel;
        final boolean readsDuringLoad;
        final FrameScanner scanner = new FrameScanner();
        private ByteBuffer unsent;
        private long nextSend;
        private int sent;
        boolean ended;

        Peer(SocketChannel channel, boolean readsDuringLoad) {
            this.channel = channel;
            this.readsDuringLoad = readsDuringLoad;
        }

        Outcome outcome() {
            if (scanner.closeCode >= 0) {
                return Outcome.CLOSE_FRAME;
            }
            return ended ? Outcome.RESET_WITHOUT_CLOSE : Outcome.OPEN;
        }
    }

    private final Selector selector = Selector.open();
    private final List<Peer> peers = new ArrayList<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 << 10);

    LoadPeers() throws IOException {
    }

    /** Opens {@code count} connections to {@code path} (handshake done, blocking), then makes them non-blocking. */
    List<Peer> open(int port, String path, int count, boolean readsDuringLoad) throws IOException {
        List<Peer> opened = new ArrayList<>();
        byte[] request = Loopback.upgradeRequest(path, "").getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open();
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 16 << 10); // a slow reader's backlog stays ours
            channel.connect(new InetSocketAddress(Loopback.ADDRESS, port));
            channel.socket().setSoTimeout(10_000);
            channel.write(ByteBuffer.wrap(request));
            String head = Loopback.readHead(channel.socket().getInputStream());
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new IOException("connection " + i + " refused: " + head);
            }
            channel.configureBlocking(false);
            Peer peer = new Peer(channel, readsDuringLoad);
            channel.register(selector, readsDuringLoad ? SelectionKey.OP_READ : 0, peer);
            peers.add(peer);
            opened.add(peer);
        }
        return opened;
    }

    List<Peer> peers() {
        return peers;
    }

    /**
     * For {@code duration}, each of {@code senders} sends frame number n ({@code frames.apply(n)}, a complete
     * masked frame, or null when done) every {@code intervalNanos}, starting at a random phase; a frame the
     * socket does not take is finished before the next. Readers read meanwhile.
     */
    void run(List<Peer> senders, LongFunction<byte[]> frames, long intervalNanos, long durationNanos)
            throws IOException {
        long start = System.nanoTime();
        for (int i = 0; i < senders.size(); i++) {
            senders.get(i).nextSend = start + intervalNanos * i / Math.max(1, senders.size());
        }
        long end = start + durationNanos;
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            for (Peer peer : senders) {
                if (!peer.ended && peer.scanner.closeCode < 0) {
                    send(peer, now, frames, intervalNanos);
                }
            }
            readReady(5);
        }
    }

    /** Every peer reads now, until each has seen a close frame or the end, or nothing came for {@code quiet}. */
    void drain(long quietNanos, long timeoutNanos) throws IOException {
        for (Peer peer : peers) {
            if (!peer.ended) {
                peer.channel.keyFor(selector).interestOps(SelectionKey.OP_READ);
            }
        }
        long deadline = System.nanoTime() + timeoutNanos;
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - lastProgress < quietNanos) {
            if (readReady(20) > 0) {
                lastProgress = System.nanoTime();
            }
            if (peers.stream().allMatch(p -> p.ended || p.scanner.closeCode >= 0)) {
                return;
            }
        }
    }

    /** How many peers ended each way; close codes counted separately by {@link #closeCodes()}. */
    long count(Outcome outcome) {
        return peers.stream().filter(p -> p.outcome() == outcome).count();
    }

    /** The close codes received, one per peer that received a close frame. */
    List<Integer> closeCodes() {
        return peers.stream().filter(p -> p.scanner.closeCode >= 0).map(p -> p.scanner.closeCode).toList();
    }

    private void send(Peer peer, long now, LongFunction<byte[]> frames, long intervalNanos) throws IOException {
        try {
            if (peer.unsent != null) {
                peer.channel.write(peer.unsent);
                if (peer.unsent.hasRemaining()) {
                    return;
                }
                peer.unsent = null;
            }
            if (now - peer.nextSend < 0) {
                return;
            }
            byte[] frame = frames.apply(peer.sent);
            if (frame == null) {
                return;
            }
            peer.sent++;
            peer.nextSend += intervalNanos;
            ByteBuffer bytes = ByteBuffer.wrap(frame);
            peer.channel.write(bytes);
            if (bytes.hasRemaining()) {
                peer.unsent = bytes;
            }
        } catch (IOException reset) {
            peer.ended = true; // the server dropped it; its outcome says whether a close frame came first
        }
    }

    /** Reads what the ready peers have; returns the number of bytes read. */
    private long readReady(long waitMillis) throws IOException {
        long total = 0;
        selector.select(Math.max(1, waitMillis));
        for (SelectionKey key : selector.selectedKeys()) {
            Peer peer = (Peer) key.attachment();
            try {
                int n;
                while ((n = peer.channel.read(readBuffer.clear())) > 0) {
                    peer.scanner.feed(readBuffer.flip());
                    total += n;
                }
                if (n < 0) {
                    end(peer, key);
                }
            } catch (IOException reset) {
                end(peer, key);
            }
        }
        selector.selectedKeys().clear();
        return total;
    }

    private static void end(Peer peer, SelectionKey key) {
        peer.ended = true;
        key.cancel();
    }

    @Override
    public void close() throws IOException {
        for (Peer peer : peers) {
            peer.channel.close();
        }
        selector.close();
    }

    static long seconds(double seconds) {
        return (long) (seconds * TimeUnit.SECONDS.toNanos(1));
    }

    /** Walks the server's frames (unmasked) header by header: counts them, keeps the first close code. */
    static final class FrameScanner {
        private final byte[] header = new byte[10];
        private int headerFill;
        private long payloadLeft;
        private int opcode;
        private int closeFill;
        private int closeCodeBuilt;
        long frames;
        int closeCode = -1;

        void feed(ByteBuffer bytes) {
            while (bytes.hasRemaining()) {
                if (payloadLeft > 0) {
                    int n = (int) Math.min(payloadLeft, bytes.remaining());
                    if (opcode == 8) {
                        for (int i = 0; i < n && closeFill < 2; i++, closeFill++) {
                            closeCodeBuilt = (closeCodeBuilt << 8) | (bytes.get(bytes.position() + i) & 0xFF);
                        }
                    }
                    bytes.position(bytes.position() + n);
                    payloadLeft -= n;
                    if (payloadLeft == 0) {
                        frameDone();
                    }
                    continue;
                }
                header[headerFill++] = bytes.get();
                if (headerFill < 2) {
                    continue;
                }
                int len7 = header[1] & 0x7F;
                int needed = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0);
                if (headerFill == needed) {
                    long length = len7;
                    if (len7 == 126) {
                        length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
                    } else if (len7 == 127) {
                        length = 0;
                        for (int i = 2; i < 10; i++) {
                            length = (length << 8) | (header[i] & 0xFF);
                        }
                    }
                    opcode = header[0] & 0x0F;
                    headerFill = 0;
                    closeFill = 0;
                    closeCodeBuilt = 0;
                    payloadLeft = length;
                    if (length == 0) {
                        frameDone();
                    }
                }
            }
        }

        private void frameDone() {
            frames++;
            if (opcode == 8 && closeCode < 0) {
                closeCode = closeFill == 2 ? closeCodeBuilt : 1005;
            }
        }
    }
}
