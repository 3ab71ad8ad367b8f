package org.campusmirror.ws.server;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A handler that records what arrives, for tests to wait on. */
class Recorder implements WebSocketHandler {
    /** One received event: kind TEXT/BINARY/PONG/PING, with the text or the bytes as ISO-8859-1. */
    record Event(String kind, String data) {
    }

    final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    final CountDownLatch closed = new CountDownLatch(1);
    final AtomicInteger closeCode = new AtomicInteger();
    volatile String closeReason;
    volatile Exception error;

    @Override
    public void onText(WebSocket socket, String text) {
        events.add(new Event("TEXT", text));
    }

    @Override
    public void onBinary(WebSocket socket, ByteBuffer data) {
        events.add(new Event("BINARY", StandardCharsets.ISO_8859_1.decode(data).toString()));
    }

    @Override
    public void onPong(WebSocket socket, ByteBuffer payload) {
        events.add(new Event("PONG", StandardCharsets.ISO_8859_1.decode(payload).toString()));
    }

    @Override
    public void onError(WebSocket socket, Exception e) {
        error = e;
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason) {
        closeCode.set(code);
        closeReason = reason;
        closed.countDown();
    }

    Event next() throws InterruptedException {
        Event event = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "no event within 10 s");
        return event;
    }

    /** Waits for the close and returns its code. */
    int awaitClose() throws InterruptedException {
        if (!closed.await(15, TimeUnit.SECONDS)) {
            throw new AssertionError("not closed within 15 s");
        }
        return closeCode.get();
    }
}
