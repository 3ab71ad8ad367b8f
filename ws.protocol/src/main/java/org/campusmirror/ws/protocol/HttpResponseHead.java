package org.campusmirror.ws.protocol;

import java.util.List;
import java.util.Objects;

/**
 * A response head (<a href="https://www.rfc-editor.org/rfc/rfc9112#section-4">RFC 9112 section 4</a>):
 * the server's opening handshake, <a href="https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2">RFC 6455
 * section 4.2.2</a>.
 *
 * @param version e.g. {@code HTTP/1.1}
 * @param status  e.g. 101
 * @param reason  the reason phrase, possibly empty
 * @param headers header fields in order
 */
public record HttpResponseHead(String version, int status, String reason, List<HttpHeader> headers)
        implements HttpHead {

    public HttpResponseHead {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reason, "reason");
        headers = List.copyOf(headers);
    }
}
