package org.campusmirror.ws.protocol;

import java.util.List;
import java.util.Objects;

/**
 * A request head (<a href="https://www.rfc-editor.org/rfc/rfc9112#section-3">RFC 9112 section 3</a>):
 * the client's opening handshake, <a href="https://www.rfc-editor.org/rfc/rfc6455#section-4.1">RFC 6455
 * section 4.1</a>.
 *
 * @param method  e.g. {@code GET}
 * @param target  the request target, e.g. {@code /mirror?display=3}
 * @param version e.g. {@code HTTP/1.1}
 * @param headers header fields in order
 */
public record HttpRequestHead(String method, String target, String version, List<HttpHeader> headers)
        implements HttpHead {

    public HttpRequestHead {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
        headers = List.copyOf(headers);
    }

    /** The target without its query, e.g. {@code /mirror}. */
    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
