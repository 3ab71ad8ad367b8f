package org.campusmirror.mirror.widgets.http.internal;

import java.io.IOException;
import java.time.Duration;

import org.campusmirror.mirror.widgets.http.FetchRequest;
import org.campusmirror.mirror.widgets.http.FetchResponse;
import org.campusmirror.mirror.widgets.http.HttpFetcher;
import org.campusmirror.mirror.widgets.http.HttpFetcherSettings;
import org.campusmirror.mirror.widgets.http.PoliteHttpFetcher;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The mirror's one {@link HttpFetcher} service, with its limits as an optional configuration (PID
 * {@value #PID}). The {@code User-Agent} names the project and this bundle's release.
 */
@Component(service = HttpFetcher.class, configurationPid = HttpFetcherComponent.PID)
@Designate(ocd = HttpFetcherComponent.Config.class)
public final class HttpFetcherComponent implements HttpFetcher {
    public static final String PID = "org.campusmirror.mirror.widgets.http";

    @ObjectClassDefinition(name = "Campus Mirror: HTTP client",
            description = "How every widget fetches its data: timeouts, limits, backoff")
    public @interface Config {
        @AttributeDefinition(name = "Connect timeout (seconds)", min = "1", max = "300")
        long http_connect_timeout_seconds() default 10;

        @AttributeDefinition(name = "Read timeout (seconds)",
                description = "Longest silence while waiting for the answer or the next bytes", min = "1", max = "300")
        long http_read_timeout_seconds() default 20;

        @AttributeDefinition(name = "Total timeout (seconds)", description = "Longest a whole request may take",
                min = "1", max = "600")
        long http_total_timeout_seconds() default 60;

        @AttributeDefinition(name = "Body limit (bytes)",
                description = "Larger answers are cut off and refused (a widget may set its own)", min = "1024")
        long http_max_body_bytes() default 2L << 20;

        @AttributeDefinition(name = "Redirects followed", min = "0", max = "20")
        int http_max_redirects() default 5;

        @AttributeDefinition(name = "First backoff (seconds)",
                description = "Wait after a failure; it doubles with each further failure", min = "1")
        long http_backoff_base_seconds() default 15;

        @AttributeDefinition(name = "Longest backoff (seconds)", min = "1")
        long http_backoff_max_seconds() default 1800;

        @AttributeDefinition(name = "Longest Retry-After honoured (seconds)", min = "1")
        long http_retry_after_max_seconds() default 21600;

        @AttributeDefinition(name = "Revalidation cache (bytes)",
                description = "Bodies kept for ETag / If-Modified-Since, all together", min = "0")
        long http_cache_bytes() default 4L << 20;
    }

    private final PoliteHttpFetcher fetcher;

    @Activate
    public HttpFetcherComponent(BundleContext context, Config config) {
        fetcher = new PoliteHttpFetcher(settings(context.getBundle().getVersion().toString(), config));
    }

    /** The configured settings; a value outside its range is moved into it, so a typo never stops every widget. */
    static HttpFetcherSettings settings(String version, Config config) {
        return new HttpFetcherSettings(HttpFetcherSettings.userAgent(version),
                seconds(config.http_connect_timeout_seconds(), 300),
                seconds(config.http_read_timeout_seconds(), 300),
                seconds(config.http_total_timeout_seconds(), 600),
                within(config.http_max_body_bytes(), 1024, Integer.MAX_VALUE - 8),
                (int) within(config.http_max_redirects(), 0, 20),
                seconds(config.http_backoff_base_seconds(), 86_400),
                seconds(config.http_backoff_max_seconds(), 86_400),
                seconds(config.http_retry_after_max_seconds(), 7 * 86_400),
                within(config.http_cache_bytes(), 0, 256L << 20));
    }

    private static Duration seconds(long value, long max) {
        return Duration.ofSeconds(within(value, 1, max));
    }

    private static long within(long value, long min, long max) {
        return Math.max(min, Math.min(max, value));
    }

    @Override
    public FetchResponse fetch(FetchRequest request) throws IOException {
        return fetcher.fetch(request);
    }

    @Deactivate
    void deactivate() {
        fetcher.close();
    }
}
