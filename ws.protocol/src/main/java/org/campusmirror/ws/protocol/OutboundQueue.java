package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The bytes a {@link WebSocketConnection} wants written, oldest first, ready for a gathering write
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.2">RFC 6455 section 5.2</a> frames, already
 * encoded and, for a client, masked).
 *
 * <p>Transport contract: write {@code buffers()[0 .. size())} (e.g. {@code channel.write(q.buffers(), 0,
 * q.size())}), which advances the buffers' positions, then call {@link #removeWritten()}. Do not change the
 * buffers otherwise and do not keep them after {@code removeWritten()}: the engine reuses its chunks. A
 * transport without gathering writes takes {@link #peek()} until it is null.
 *
 * <p>Small frames are packed into one reused chunk (no garbage per frame); large payloads get a buffer of
 * their own; a broadcast {@link EncodedFrame} is queued as a shared read-only view, not copied.
 *
 * <p>Accounting: {@link #enqueuedBytes()} counts every byte ever queued, so a transport that counts what it
 * wrote knows how much waits ({@code enqueued - written}) without walking the queue, and where in the stream
 * each frame it queued ends. The queue remembers where frames begin, so frames not yet begun can be dropped
 * when the connection is failed ({@link WebSocketConnection#fail}).
 */
public final class OutboundQueue {
    /** Size of the reusable chunk small frames are packed into. */
    static final int CHUNK_SIZE = 8 << 10;

    private final boolean direct;
    private ByteBuffer[] buffers = new ByteBuffer[8];
    /**
     * Per buffer: its position when queued (its first byte), or the complement ({@code ~position}) when that
     * byte continues a frame begun in an earlier buffer instead of beginning one.
     */
    private int[] starts = new int[8];
    private int size;
    private long enqueued;
    /** Bytes of the buffers {@link #removeWritten()} dropped: all of them written. */
    private long removed;
    // The chunk frames are appended to: position = first unwritten byte, limit = end of frames so far.
    private ByteBuffer chunk;
    // Shares the chunk's bytes; its position is where the next frame goes.
    private ByteBuffer chunkWriter;
    private boolean chunkQueued;

    OutboundQueue(boolean direct) {
        this.direct = direct;
    }

    /** Number of buffers pending; valid entries of {@link #buffers()} are {@code [0, size())}. */
    public int size() {
        return size;
    }

    /** The backing array for a gathering write; entries at and after {@link #size()} are not part of the queue. */
    public ByteBuffer[] buffers() {
        return buffers;
    }

    /** The oldest buffer with bytes left to write, or null when everything is written. */
    public ByteBuffer peek() {
        removeWritten();
        return size == 0 ? null : buffers[0];
    }

    /**
     * Bytes queued and not yet written. Constant time: the transport writes the buffers in order, so only the
     * first one left after {@link #removeWritten()} can be partly written.
     */
    public long remaining() {
        removeWritten();
        return size == 0 ? 0 : enqueued - removed - (buffers[0].position() - start(0));
    }

    /**
     * Bytes queued since the connection began, written or not (dropped ones excepted): minus what the
     * transport has written, it is what waits.
     */
    public long enqueuedBytes() {
        return enqueued;
    }

    /** True when nothing is left to write. */
    public boolean isEmpty() {
        removeWritten();
        return size == 0;
    }

    /** Drops the leading buffers the transport has written completely. */
    public void removeWritten() {
        int written = 0;
        while (written < size && !buffers[written].hasRemaining()) {
            if (buffers[written] == chunk) {
                chunkQueued = false;
            }
            removed += buffers[written].limit() - start(written);
            written++;
        }
        if (written > 0) {
            System.arraycopy(buffers, written, buffers, 0, size - written);
            System.arraycopy(starts, written, starts, 0, size - written);
            Arrays.fill(buffers, size - written, size, null);
            size -= written;
        }
    }

    /**
     * Drops every frame not yet begun: from the first buffer whose frame start the transport has not reached,
     * to the end. The frame in progress (and any whole frames sharing its buffer) stays, so the stream stays
     * well-formed. Returns the number of bytes dropped; {@link #enqueuedBytes()} goes down by as much.
     */
    long discardUnstarted() {
        removeWritten();
        int first = 0;
        while (first < size && (starts[first] < 0 || buffers[first].position() != starts[first])) {
            first++;
        }
        long dropped = 0;
        for (int i = first; i < size; i++) {
            dropped += buffers[i].remaining();
            if (buffers[i] == chunk) {
                chunkQueued = false;
            }
            buffers[i] = null;
        }
        size = first;
        enqueued -= dropped;
        return dropped;
    }

    /**
     * Room for {@code bytes} (at most {@link #CHUNK_SIZE}) at the end of the queue: write them to the returned
     * buffer at its position, then call {@link #commit()}.
     */
    ByteBuffer reserve(int bytes) {
        removeWritten();
        boolean appendable = chunkQueued && buffers[size - 1] == chunk
                && chunk.capacity() - chunkWriter.position() >= bytes;
        if (!appendable) {
            if (chunk == null || chunkQueued) {
                chunk = allocate(CHUNK_SIZE);
                chunkWriter = chunk.duplicate();
            }
            chunk.clear().limit(0);
            chunkWriter.clear();
            append(chunk, true); // reserve is called for a frame's header: the fresh chunk begins with a frame
            chunkQueued = true;
        }
        return chunkWriter;
    }

    /** Makes the bytes written after {@link #reserve(int)} part of the queue. */
    void commit() {
        enqueued += chunkWriter.position() - chunk.limit();
        chunk.limit(chunkWriter.position());
    }

    /**
     * Queues {@code buffer} (between position and limit) as it is, after everything queued so far;
     * {@code startsFrame}: whether its first byte begins a frame (a shared frame) or continues one (a large
     * payload after its header).
     */
    void add(ByteBuffer buffer, boolean startsFrame) {
        removeWritten();
        enqueued += buffer.remaining();
        append(buffer, startsFrame);
    }

    /** A new buffer of the queue's kind (heap or direct) for a large payload. */
    ByteBuffer allocate(int bytes) {
        return direct ? ByteBuffer.allocateDirect(bytes) : ByteBuffer.allocate(bytes);
    }

    private int start(int index) {
        return starts[index] >= 0 ? starts[index] : ~starts[index];
    }

    /** Drops everything, e.g. when the transport is gone. */
    void clear() {
        Arrays.fill(buffers, 0, size, null);
        size = 0;
        chunkQueued = false;
    }

    private void append(ByteBuffer buffer, boolean startsFrame) {
        if (size == buffers.length) {
            buffers = Arrays.copyOf(buffers, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
        }
        starts[size] = startsFrame ? buffer.position() : ~buffer.position();
        buffers[size++] = buffer;
    }
}
