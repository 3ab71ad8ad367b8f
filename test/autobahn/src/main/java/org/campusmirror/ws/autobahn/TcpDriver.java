package org.campusmirror.ws.autobahn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one case over a real TCP connection on the real clock. The loop thread reads, runs timers
 * and drives the {@link PeerSession}; a writer thread sends, so that a large echo coming back
 * while the peer still writes cannot dead-lock both sides. Chops and sync writes go out as separate
 * writes with TCP_NODELAY and a short pause, as autobahn's queued writes do.
 */
final class TcpDriver implements PeerProtocol.Wire {
    private static final Object CLOSE_GRACEFULLY = new Object();
    private static final long HARD_LIMIT_NANOS = Duration.ofMinutes(20).toNanos();

    private final Socket socket;
    private final PeerOptions options;
    private final long start = System.nanoTime();
    private final LinkedBlockingQueue<Object> outbound = new LinkedBlockingQueue<>();
    private final WireLog wireLog;
    private volatile boolean closed;
    private Thread writer;

    private TcpDriver(Socket socket, PeerOptions options) {
        this.socket = socket;
        this.options = options;
        this.wireLog = new WireLog(options.wireLogBytes());
    }

    static CaseResult runAsClient(AutobahnCase testCase, String host, int port, String path, PeerOptions options) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) options.tcpTimeout().toMillis());
        } catch (IOException e) {
            closeQuietly(socket);
            return unreachable(testCase, FuzzerMode.FUZZING_CLIENT, "cannot connect to " + host + ":" + port + ": " + e);
        }
        return new TcpDriver(socket, options).run(testCase, FuzzerMode.FUZZING_CLIENT, host, port, path);
    }

    static CaseResult runAsServer(AutobahnCase testCase, Socket accepted, PeerOptions options) {
        return new TcpDriver(accepted, options).run(testCase, FuzzerMode.FUZZING_SERVER, "", 0, "");
    }

    static CaseResult unreachable(AutobahnCase testCase, FuzzerMode mode, String reason) {
        return new CaseResult(testCase.id(), testCase.description(), mode, Verdict.FAILED, CaseScript.FAILED, reason,
                CaseScript.FAILED, reason, "", "[]",
                new CaseResult.CloseFacts(false, false, false, false, reason, null, null, null, null), 0,
                java.util.List.of());
    }

    private CaseResult run(AutobahnCase testCase, FuzzerMode mode, String host, int port, String path) {
        PeerSession session = new PeerSession(testCase, mode, options, this);
        try {
            socket.setTcpNoDelay(true);
            writer = new Thread(this::writeLoop, "autobahn-peer-writer-" + testCase.id());
            writer.setDaemon(true);
            writer.start();
            session.start(host, port, path);
            readLoop(session);
        } catch (IOException e) {
            session.abandon("I/O error: " + e);
        } finally {
            drop(true);
            try {
                writer.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return session.result((System.nanoTime() - start) / 1_000_000, wireLog.lines());
    }

    private void readLoop(PeerSession session) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        long lastActivity = nanoTime();
        while (!session.finished()) {
            long now = nanoTime();
            session.runTimers(now);
            if (session.finished()) {
                break;
            }
            long due = session.timers().nextDue();
            if (due == Long.MAX_VALUE && now - lastActivity > options.tcpGrace().toNanos()) {
                session.abandon("nothing happened for " + options.tcpGrace() + " and no timer of the case is pending");
                break;
            }
            if (now > HARD_LIMIT_NANOS) {
                session.abandon("time limit of a TCP run reached");
                break;
            }
            long waitNanos = Math.max(1_000_000, Math.min(due - now, 100_000_000));
            socket.setSoTimeout((int) Math.max(1, waitNanos / 1_000_000));
            int count;
            try {
                count = in.read(buffer);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                if (closed) {
                    break;
                }
                count = -1;
            }
            if (count < 0) {
                session.onTransportClosed();
                break;
            }
            lastActivity = nanoTime();
            ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, count);
            wireLog.received(bytes);
            session.onBytes(bytes);
        }
    }

    private void writeLoop() {
        byte[] chunk = new byte[options.deliveryChunk()];
        try {
            OutputStream out = socket.getOutputStream();
            while (true) {
                Object item = outbound.poll(100, TimeUnit.MILLISECONDS);
                if (item == null) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                if (item == CLOSE_GRACEFULLY) {
                    out.flush();
                    socket.shutdownOutput();
                    closed = true;
                    socket.close();
                    return;
                }
                OutboundWrite write = (OutboundWrite) item;
                int size = write.chopSize() > 0 ? Math.min(write.chopSize(), chunk.length) : chunk.length;
                while (write.remaining() > 0) {
                    ByteBuffer piece = ByteBuffer.wrap(chunk);
                    write.readInto(piece, size);
                    piece.flip();
                    wireLog.sent(piece);
                    out.write(chunk, 0, piece.limit());
                    if (write.separate()) {
                        out.flush();
                        // autobahn waits a reactor tick between queued writes so that they leave separately
                        LockSupport.parkNanos(10_000);
                    }
                }
                out.flush();
            }
        } catch (IOException e) {
            closed = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void write(OutboundWrite write) {
        if (!closed) {
            outbound.add(write);
        }
    }

    @Override
    public void drop(boolean abort) {
        if (closed) {
            return;
        }
        if (abort) {
            closed = true;
            outbound.clear();
            try {
                socket.setSoLinger(true, 0);
            } catch (IOException e) {
                // the socket is going away anyway
            }
            closeQuietly(socket);
        } else {
            outbound.add(CLOSE_GRACEFULLY);
        }
    }

    @Override
    public long nanoTime() {
        return System.nanoTime() - start;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with a socket that cannot close
        }
    }
}
