/**
 * The one polite HTTP client every widget uses ({@link HttpFetcher}, an OSGi service; {@link PoliteHttpFetcher}
 * in plain Java): http and https only, connect and read timeouts, revalidation with {@code ETag} and
 * {@code If-Modified-Since}, exponential backoff per host and URL, {@code Retry-After} on 429 and 503, a
 * {@code User-Agent} naming the project, response bodies bounded while they stream, bounded redirects. Failures
 * are {@link java.io.IOException} subclasses whose messages an admin can read. {@link Json} is the shared Jackson
 * setup. Hot-installed widget bundles import this package.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.campusmirror.mirror.widgets.http;
