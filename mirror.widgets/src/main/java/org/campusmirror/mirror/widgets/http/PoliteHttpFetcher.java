package org.campusmirror.mirror.widgets.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLException;

/**
 * The polite HTTP client, on {@link HttpClient}: GET only, HTTP/1.1, proxies from the JVM's
 * {@code http(s).proxyHost} properties. See {@link HttpFetcher} for what it promises and
 * {@link HttpFetcherSettings} for its limits. Thread-safe; one instance serves every widget. {@link #close}
 * stops its threads.
 */
public final class PoliteHttpFetcher implements HttpFetcher, AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final HttpFetcherSettings settings;
    private final Clock clock;
    private final ExecutorService executor;
    private final HttpClient client;
    private final Backoff backoff;
    private final ConditionalCache cache;

    private record Answer(int status, HttpHeaders headers, byte[] body) {
    }

    public PoliteHttpFetcher(HttpFetcherSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** With {@code clock} for backoff, {@code Retry-After} and fetch times (timeouts use the JVM's nano time). */
    public PoliteHttpFetcher(HttpFetcherSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "mirror-http-" + THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .proxy(ProxySelector.getDefault())
                .executor(executor)
                .build();
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffMax(), clock);
        this.cache = new ConditionalCache(settings.cacheBytes());
    }

    public HttpFetcherSettings settings() {
        return settings;
    }

    @Override
    public FetchResponse fetch(FetchRequest request) throws IOException {
        long limit = request.maxBytes() == FetchRequest.FETCHER_LIMIT ? settings.maxBodyBytes() : request.maxBytes();
        URI uri = HttpUrls.check(request.uri());
        for (int redirects = 0; ; redirects++) {
            backoff.check(uri);
            String key = request.cacheKey(uri);
            ConditionalCache.Entry cached = request.revalidate() ? cache.get(key) : null;
            Answer answer = exchange(request, uri, limit, cached);
            if (!isRedirect(answer.status())) {
                return accept(request, uri, key, cached, answer);
            }
            if (redirects >= settings.maxRedirects()) {
                throw new RedirectRefusedException("more than " + settings.maxRedirects() + " redirects from "
                        + HttpUrls.forDisplay(request.uri()));
            }
            uri = redirectTarget(uri, answer.status(), answer.headers().firstValue("Location").orElse(null));
        }
    }

    private Answer exchange(FetchRequest request, URI uri, long limit, ConditionalCache.Entry cached)
            throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).GET()
                .timeout(settings.totalTimeout())
                .header("Accept", request.accept());
        request.headers().forEach(builder::header);
        builder.setHeader("User-Agent", settings.userAgent());
        if (cached != null && cached.etag() != null) {
            builder.header("If-None-Match", cached.etag());
        }
        if (cached != null && cached.lastModified() != null) {
            builder.header("If-Modified-Since", cached.lastModified());
        }
        LimitedBodySubscriber.Progress progress = new LimitedBodySubscriber.Progress();
        AtomicReference<LimitedBodySubscriber> body = new AtomicReference<>();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            progress.touch();
            long take = info.statusCode() / 100 == 2 ? limit : -1;
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            LimitedBodySubscriber subscriber = new LimitedBodySubscriber(uri, take, declared, progress);
            body.set(subscriber);
            return subscriber;
        };
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(builder.build(), handler);
        long deadline = System.nanoTime() + settings.totalTimeout().toNanos();
        try {
            while (true) {
                long now = System.nanoTime();
                long idleEnd = progress.lastNanos() + settings.readTimeout().toNanos();
                long wait = Math.min(idleEnd, deadline) - now;
                if (wait <= 0) {
                    HttpTimeoutException timeout = timeout(uri, now - deadline >= 0, body.get() != null);
                    abort(future, body.get(), timeout);
                    backoff.hostFailed(uri, timeout.getMessage(), null);
                    throw timeout;
                }
                try {
                    HttpResponse<byte[]> response = future.get(wait, TimeUnit.NANOSECONDS);
                    return new Answer(response.statusCode(), response.headers(), response.body());
                } catch (TimeoutException e) {
                    // no answer yet: the loop checks the read and total deadlines again
                }
            }
        } catch (InterruptedException e) {
            abort(future, body.get(), new InterruptedIOException("interrupted"));
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching " + HttpUrls.forDisplay(uri));
        } catch (ExecutionException e) {
            throw failure(uri, e.getCause());
        }
    }

    private HttpTimeoutException timeout(URI uri, boolean total, boolean bodyStarted) {
        String host = HttpUrls.origin(uri);
        if (total) {
            return new HttpTimeoutException(HttpUrls.forDisplay(uri) + " did not finish within "
                    + settings.totalTimeout().toSeconds() + " s");
        }
        return new HttpTimeoutException(host + (bodyStarted ? " stopped sending the body of " : " did not answer ")
                + HttpUrls.forDisplay(uri) + " for " + settings.readTimeout().toSeconds() + " s (read timeout)");
    }

    private static void abort(CompletableFuture<?> future, LimitedBodySubscriber body, IOException cause) {
        if (body != null) {
            body.abort(cause);
        }
        future.cancel(true);
    }

    /** An admin-readable IOException for what the client threw; network failures start the host's backoff. */
    private IOException failure(URI uri, Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof BodyTooLargeException tooLarge) {
            backoff.urlFailed(uri, tooLarge.getMessage());
            return tooLarge;
        }
        String host = HttpUrls.origin(uri);
        IOException described;
        if (causedBy(cause, UnresolvedAddressException.class) || causedBy(cause, UnknownHostException.class)) {
            described = new UnknownHostException("unknown host " + uri.getHost() + " (" + HttpUrls.forDisplay(uri)
                    + ")");
        } else if (cause instanceof HttpConnectTimeoutException) {
            described = new HttpConnectTimeoutException("no connection to " + host + " within "
                    + settings.connectTimeout().toSeconds() + " s");
        } else if (cause instanceof HttpTimeoutException) {
            described = new HttpTimeoutException(host + " did not answer within "
                    + settings.totalTimeout().toSeconds() + " s");
        } else if (cause instanceof ConnectException) {
            described = new ConnectException("cannot connect to " + host + " (connection refused or unreachable)");
        } else if (causedBy(cause, SSLException.class)) {
            described = new SSLException("TLS with " + host + " failed: " + message(cause));
        } else {
            described = new IOException("fetching " + HttpUrls.forDisplay(uri) + " failed: " + message(cause));
        }
        described.initCause(cause);
        backoff.hostFailed(uri, described.getMessage(), null);
        return described;
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable cause) {
        String text = cause.getMessage();
        return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
    }

    private FetchResponse accept(FetchRequest request, URI uri, String key, ConditionalCache.Entry cached,
            Answer answer) throws IOException {
        Instant now = clock.instant();
        int status = answer.status();
        if (status == 304 && cached != null) {
            backoff.succeeded(uri);
            return new FetchResponse(cached.uri(), cached.status(), cached.body(), cached.headers(), now, true);
        }
        if (status / 100 == 2) {
            backoff.succeeded(uri);
            remember(request, key, uri, answer);
            return new FetchResponse(uri, status, answer.body(), answer.headers(), now, false);
        }
        if (status == 429 || status == 503) {
            Instant retryAt = RetryAfter.parse(answer.headers().firstValue("Retry-After").orElse(null), now,
                    settings.maxRetryAfter());
            backoff.hostFailed(uri, "HTTP " + status, retryAt);
            throw new RateLimitedException(status, uri, retryAt);
        }
        if (status >= 500 || status == 408) {
            backoff.urlFailed(uri, "HTTP " + status);
        }
        throw new HttpStatusException(status, uri);
    }

    private void remember(FetchRequest request, String key, URI uri, Answer answer) {
        String etag = answer.headers().firstValue("ETag").orElse(null);
        String lastModified = answer.headers().firstValue("Last-Modified").orElse(null);
        if (request.revalidate() && (etag != null || lastModified != null)) {
            cache.put(key, new ConditionalCache.Entry(uri, answer.status(), answer.body(), answer.headers(), etag,
                    lastModified));
        } else {
            cache.remove(key);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static URI redirectTarget(URI from, int status, String location) throws RedirectRefusedException {
        if (location == null || location.isBlank()) {
            throw new RedirectRefusedException("HTTP " + status + " from " + HttpUrls.forDisplay(from)
                    + " without a Location");
        }
        URI target;
        try {
            target = HttpUrls.check(from.resolve(location.strip()));
        } catch (IllegalArgumentException | UnsupportedUrlException e) {
            throw new RedirectRefusedException(HttpUrls.forDisplay(from) + " redirects to a URL that is not fetched: "
                    + e.getMessage());
        }
        if ("https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(target.getScheme())) {
            throw new RedirectRefusedException(HttpUrls.forDisplay(from) + " redirects from https down to "
                    + HttpUrls.forDisplay(target));
        }
        return target;
    }

    /** Bytes the revalidation cache holds now. */
    long cachedBytes() {
        return cache.usedBytes();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
