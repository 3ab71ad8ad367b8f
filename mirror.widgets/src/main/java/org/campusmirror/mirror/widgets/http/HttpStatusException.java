package org.campusmirror.mirror.widgets.http;

import java.io.IOException;
import java.net.URI;

/** The server answered with a status that is not a success, e.g. {@code HTTP 404 (Not Found) from https://...}. */
public class HttpStatusException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String url;

    public HttpStatusException(int status, URI uri) {
        this(status, uri, "");
    }

    protected HttpStatusException(int status, URI uri, String more) {
        super("HTTP " + status + reason(status) + " from " + HttpUrls.forDisplay(uri) + more);
        this.status = status;
        this.url = HttpUrls.forDisplay(uri);
    }

    public int status() {
        return status;
    }

    /** The URL that answered, without credentials. */
    public String url() {
        return url;
    }

    private static String reason(int status) {
        return switch (status) {
            case 304 -> " (Not Modified, but nothing is cached)";
            case 400 -> " (Bad Request)";
            case 401 -> " (Unauthorized)";
            case 403 -> " (Forbidden)";
            case 404 -> " (Not Found)";
            case 408 -> " (Request Timeout)";
            case 410 -> " (Gone)";
            case 429 -> " (Too Many Requests)";
            case 500 -> " (Internal Server Error)";
            case 502 -> " (Bad Gateway)";
            case 503 -> " (Service Unavailable)";
            case 504 -> " (Gateway Timeout)";
            default -> "";
        };
    }
}
