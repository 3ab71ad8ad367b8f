package org.campusmirror.mirror.widgets.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link Download} service until the shared polite HTTP client (package {@code ...widgets.http}, another
 * branch) is merged; then this delegates to it. Bounded: connect and whole-request timeouts, a body limit checked
 * against Content-Length and while reading, 2xx only, a User-Agent naming the project.
 */
@Component(service = Download.class)
public final class JdkDownload implements Download {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final java.util.concurrent.ScheduledExecutorService WATCHDOG =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "download-deadline");
                thread.setDaemon(true);
                return thread;
            });

    private final HttpClient client;
    private final String userAgent;

    private final Duration requestTimeout;

    @Activate
    public JdkDownload(BundleContext context) {
        this("CampusMirror/" + context.getBundle().getVersion(), CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    JdkDownload(String userAgent, Duration connectTimeout, Duration requestTimeout) {
        this.userAgent = userAgent;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** For tests: short timeouts. */
    static JdkDownload withTimeouts(Duration connect, Duration request) {
        return new JdkDownload("CampusMirror/test", connect, request);
    }

    @Override
    public Body get(URI uri, long maxBytes) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).header("User-Agent", userAgent)
                .GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new java.net.SocketTimeoutException(uri.getHost() + " did not answer within " + requestTimeout.toSeconds()
                    + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while fetching " + uri.getHost());
        }
        // The request timeout ends with the headers; a body that trickles is cut by closing it at the deadline.
        InputStream stream = response.body();
        var expired = new java.util.concurrent.atomic.AtomicBoolean();
        var deadline = WATCHDOG.schedule(() -> {
            expired.set(true);
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing is all that is wanted
            }
        }, requestTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        try (InputStream body = stream) {
            if (response.statusCode() / 100 != 2) {
                throw new IOException(uri.getHost() + " answered HTTP " + response.statusCode());
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (length > maxBytes) {
                throw new IOException(uri.getHost() + " sent " + length + " bytes, more than the limit of " + maxBytes);
            }
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new IOException(uri.getHost() + " sent more than the limit of " + maxBytes + " bytes");
            }
            return new Body(bytes, response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            if (expired.get()) {
                throw new java.net.SocketTimeoutException(uri.getHost() + " did not send its body within "
                        + requestTimeout.toSeconds() + " s");
            }
            throw e;
        } finally {
            deadline.cancel(false);
        }
    }
}
