package org.campusmirror.mirror.widgets.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks that a URL is one the fetcher will ask (http or https with a host), and writes URLs for messages. */
public final class HttpUrls {
    private static final int MAX_DISPLAY = 200;
    /** Query parameters whose values are kept out of messages (API keys in URLs are common). */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)([?&](?:[a-z_]*key|token|access_token|password|passwd|secret|sig|signature|auth)=)[^&#]*");

    private HttpUrls() {
    }

    /**
     * Parses a configured URL.
     *
     * @throws UnsupportedUrlException saying what is wrong with it, e.g. that {@code file:} is not fetched
     */
    public static URI parse(String text) throws UnsupportedUrlException {
        if (text == null || text.isBlank()) {
            throw new UnsupportedUrlException("no URL given");
        }
        try {
            return check(new URI(text.strip()));
        } catch (URISyntaxException e) {
            throw new UnsupportedUrlException("'" + shorten(text.strip()) + "' is not a valid URL: " + e.getReason());
        }
    }

    /** Returns {@code uri} when the fetcher may ask it. */
    public static URI check(URI uri) throws UnsupportedUrlException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UnsupportedUrlException("'" + forDisplay(uri) + "' is not an http or https URL"
                    + (scheme.isEmpty() ? "" : " (" + scheme + ": is not fetched)"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new UnsupportedUrlException("'" + forDisplay(uri) + "' names no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new UnsupportedUrlException("'" + forDisplay(uri)
                    + "' carries a user name or password; put none into a URL (it would show in the console)");
        }
        return uri;
    }

    /** The URL for a message: no user name or password, secret-looking query values masked, at most 200 chars. */
    public static String forDisplay(URI uri) {
        String text;
        if (uri.getRawUserInfo() == null || uri.getHost() == null) {
            text = uri.toString();
        } else {
            text = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        return shorten(SECRET_PARAMETER.matcher(text).replaceAll("$1***"));
    }

    /** scheme://host:port, the key under which a host's backoff is kept. */
    static String origin(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_DISPLAY ? text : text.substring(0, MAX_DISPLAY) + "...";
    }
}
