package org.campusmirror.ws.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection as a pair of byte streams, like {@code createWebSocketStream} of Node's {@code ws}: the
 * {@link #input()} yields the bytes of every received data message in order (binary, and text as its UTF-8
 * bytes; message boundaries are not kept), and each {@link #output()} write sends one binary message
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.6">RFC 6455 section 5.6</a>).
 *
 * <p>Backpressure both ways: when more than {@code bufferBytes} received bytes wait for the reader, the
 * connection stops reading from the peer until the reader has taken half of them; a write blocks while more
 * than {@code bufferBytes} wait to go out. The input ends (-1) when the connection closes;
 * {@link #closeCode()} tells how. Use the streams from application threads, never from a handler callback
 * (they block).
 *
 * <p>Client: pass a new stream as the handler of {@link WebSocketClient#connect}. Server: call
 * {@link #attach(WebSocket)} in the endpoint's {@link WebSocketHandler#onOpen}, then hand the stream to a
 * thread of your own.
 */
public final class WebSocketStream implements WebSocketHandler {
    /** Default buffer in each direction: 1 MiB. */
    public static final long DEFAULT_BUFFER_BYTES = 1L << 20;
    private static final long WAIT_STEP_MILLIS = 50;

    private final long bufferBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int headOffset;
    private long buffered;
    private boolean paused;
    private boolean ended;
    private int closeCode;
    private volatile WebSocket socket;
    private final InputStream input = new Input();
    private final OutputStream output = new Output();

    public WebSocketStream() {
        this(DEFAULT_BUFFER_BYTES);
    }

    /** @param bufferBytes how many bytes may wait in each direction before backpressure applies */
    public WebSocketStream(long bufferBytes) {
        if (bufferBytes < 1) {
            throw new IllegalArgumentException("bufferBytes must be positive: " + bufferBytes);
        }
        this.bufferBytes = bufferBytes;
    }

    /**
     * Makes a stream the handler of {@code socket} from now on. Call it on the socket's I/O thread (in
     * {@code onOpen}) so that no message is missed.
     */
    public static WebSocketStream attach(WebSocket socket) {
        WebSocketStream stream = new WebSocketStream();
        socket.handler(stream);
        stream.onOpen(socket);
        return stream;
    }

    /** The received bytes. */
    public InputStream input() {
        return input;
    }

    /** Each write sends one binary message; {@code close()} closes the connection with 1000. */
    public OutputStream output() {
        return output;
    }

    /** The close code once the connection has closed, else 0. */
    public int closeCode() {
        lock.lock();
        try {
            return closeCode;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onOpen(WebSocket openedSocket) {
        this.socket = Objects.requireNonNull(openedSocket, "socket");
    }

    @Override
    public void onTextUtf8(WebSocket s, ByteBuffer utf8) {
        received(utf8);
    }

    @Override
    public void onBinary(WebSocket s, ByteBuffer data) {
        received(data);
    }

    private void received(ByteBuffer data) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        if (bytes.length == 0) {
            return;
        }
        lock.lock();
        try {
            chunks.add(bytes);
            buffered += bytes.length;
            if (buffered > bufferBytes && !paused) {
                paused = true;
                socket.pause();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onDrain(WebSocket s) {
        signal();
    }

    @Override
    public void onClose(WebSocket s, int code, String reason) {
        lock.lock();
        try {
            ended = true;
            closeCode = code;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private WebSocket requireSocket() throws IOException {
        WebSocket current = socket;
        if (current == null) {
            throw new IOException("the stream's connection is not open yet");
        }
        return current;
    }

    private final class Input extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            lock.lock();
            try {
                while (chunks.isEmpty() && !ended) {
                    changed.await();
                }
                if (chunks.isEmpty()) {
                    return -1;
                }
                byte[] head = chunks.peek();
                int n = Math.min(len, head.length - headOffset);
                System.arraycopy(head, headOffset, b, off, n);
                headOffset += n;
                if (headOffset == head.length) {
                    chunks.poll();
                    headOffset = 0;
                }
                buffered -= n;
                if (paused && buffered <= bufferBytes / 2) {
                    paused = false;
                    socket.resume();
                }
                return n;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the WebSocket stream");
            } finally {
                lock.unlock();
            }
        }

        @Override
        public int available() {
            lock.lock();
            try {
                return (int) Math.min(Integer.MAX_VALUE, buffered);
            } finally {
                lock.unlock();
            }
        }
    }

    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            WebSocket target = requireSocket();
            awaitRoom(target);
            if (!target.sendBinary(ByteBuffer.wrap(b, off, len))) {
                throw new IOException("the WebSocket connection is closed");
            }
        }

        private void awaitRoom(WebSocket target) throws IOException {
            lock.lock();
            try {
                while (!ended && target.bufferedAmount() > bufferBytes) {
                    changed.await(WAIT_STEP_MILLIS, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting to write to the WebSocket stream");
            } finally {
                lock.unlock();
            }
            if (ended) {
                throw new IOException("the WebSocket connection is closed");
            }
        }

        @Override
        public void close() throws IOException {
            requireSocket().close();
        }
    }
}
