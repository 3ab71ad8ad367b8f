package org.campusmirror.mirror.widgets.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a body up to a limit, asking for one chunk at a time, so the client never holds more than the limit
 * plus one chunk. One byte over the limit cancels the subscription (the connection is dropped) and fails with
 * {@link BodyTooLargeException}. A limit of -1 discards the body at once (error statuses, redirects).
 */
final class LimitedBodySubscriber implements BodySubscriber<byte[]> {
    private static final int INITIAL_CAPACITY = 16 * 1024;

    private final URI uri;
    private final long limit;
    private final Progress progress;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private byte[] buffer;
    private int size;

    /** When the last bytes (or the headers) arrived, for the read timeout. */
    static final class Progress {
        private volatile long lastNanos = System.nanoTime();

        void touch() {
            lastNanos = System.nanoTime();
        }

        long lastNanos() {
            return lastNanos;
        }
    }

    LimitedBodySubscriber(URI uri, long limit, long declaredLength, Progress progress) {
        this.uri = uri;
        this.limit = limit;
        this.progress = progress;
        int capacity = (int) Math.min(Math.max(limit, 0), declaredLength >= 0 ? declaredLength : INITIAL_CAPACITY);
        this.buffer = new byte[capacity];
        if (limit < 0) {
            result.complete(new byte[0]);
        } else if (declaredLength > limit) {
            result.completeExceptionally(new BodyTooLargeException(uri, limit, declaredLength));
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
        subscription = given;
        if (result.isDone()) {
            given.cancel();
        } else {
            given.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        progress.touch();
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int length = item.remaining();
            if ((long) size + length > limit) {
                abort(new BodyTooLargeException(uri, limit, -1));
                return;
            }
            if (size + length > buffer.length) {
                long grown = Math.max((long) buffer.length * 2, (long) size + length);
                buffer = Arrays.copyOf(buffer, (int) Math.min(grown, limit));
            }
            item.get(buffer, size, length);
            size += length;
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    /** Fails the body with {@code cause} and drops the connection; safe from any thread. */
    void abort(IOException cause) {
        result.completeExceptionally(cause);
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
    }
}
