package org.campusmirror.mirror.runtime.internal.console;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Where a console request may be served. Over plain HTTP the Basic-auth password would cross the LAN in clear text,
 * so only loopback clients (the kiosk browser on the Pi, local scripts) are served there; everyone else is sent to
 * the HTTPS port. The client is the socket's remote address: the mirror sits behind no proxy, so headers such as
 * X-Forwarded-For are the client's own words and never trusted.
 */
final class ConsoleTransport {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]+(%[0-9A-Za-z._-]+)?\\]?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]");

    private ConsoleTransport() {
    }

    /** True when the request must go to HTTPS first: plain HTTP from anywhere but loopback. */
    static boolean needsHttps(boolean secure, String remoteAddress) {
        return !secure && !isLoopback(remoteAddress);
    }

    /** Whether a socket's remote address (an IP literal) is a loopback address; anything unparsable is not. */
    static boolean isLoopback(String remoteAddress) {
        if (remoteAddress == null) {
            return false;
        }
        boolean literal = IPV4.matcher(remoteAddress).matches()
                || remoteAddress.indexOf(':') >= 0 && IPV6.matcher(remoteAddress).matches();
        if (!literal) {
            return false; // never resolve a name here
        }
        String address = remoteAddress.replace("[", "").replace("]", "");
        int scope = address.indexOf('%');
        try {
            return InetAddress.getByName(scope < 0 ? address : address.substring(0, scope)).isLoopbackAddress();
        } catch (UnknownHostException malformed) {
            return false;
        }
    }

    /**
     * The same request on the HTTPS port: {@code https://<host the client asked for>:<httpsPort><uri>[?query]}. A
     * Host that is no plain name or address literal is replaced by {@code fallbackHost} (the address the request
     * arrived on), so the client's header cannot shape the redirect into something else.
     */
    static String httpsLocation(String requestedHost, String fallbackHost, int httpsPort, String requestUri,
            String query) {
        String host = requestedHost != null && HOST.matcher(requestedHost).matches() ? requestedHost : fallbackHost;
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        StringBuilder location = new StringBuilder("https://").append(host).append(':').append(httpsPort);
        location.append(requestUri == null || !requestUri.startsWith("/") ? "/" : requestUri);
        if (query != null && !query.isEmpty()) {
            location.append('?').append(query);
        }
        return location.toString();
    }
}
