package org.campusmirror.ws.protocol;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What an opening handshake (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-4">RFC 6455 section
 * 4</a>) settled for the connection that follows it: the subprotocol and the extensions.
 */
@ProviderType
public interface Negotiated {

    /** The subprotocol both sides agreed on, or null. */
    String subprotocol();

    /** The negotiated extensions, ready for {@link WebSocketConnection.Builder#negotiated(Negotiated)}. */
    List<Extension> extensions();
}
