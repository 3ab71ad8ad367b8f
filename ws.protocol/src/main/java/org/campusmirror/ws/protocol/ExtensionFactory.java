package org.campusmirror.ws.protocol;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Negotiates one extension in the opening handshake
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-9.1">RFC 6455 section 9.1</a>,
 * <a href="https://www.rfc-editor.org/rfc/rfc7692#section-5">RFC 7692 section 5</a>) and creates the
 * {@link Extension} a connection uses. {@link ServerHandshake} and {@link ClientHandshake} call it; one
 * factory serves any number of connections and must be thread-safe.
 */
@ConsumerType
public interface ExtensionFactory {

    /** The extension token this factory negotiates, e.g. {@code permessage-deflate}. */
    String name();

    /**
     * Server role: the client offered this extension, maybe several times with different parameters, in its
     * order of preference. Accept the first acceptable offer, or decline them all with an empty result (the
     * handshake goes on without the extension). Offers with invalid parameters are declined (RFC 7692
     * section 5.1: the server must not accept them).
     *
     * @throws HandshakeException to refuse the whole handshake instead (status 400)
     */
    Optional<Extension> acceptOffer(List<ExtensionOffer> offers) throws HandshakeException;

    /** Client role: the offers to put in the request, in order of preference. */
    List<ExtensionOffer> offers();

    /**
     * Client role: the server accepted this extension with {@code response}. Check it against the offers
     * (RFC 7692 section 5.1: parameters the client did not allow fail the connection) and create the
     * extension.
     *
     * @throws HandshakeException when the response is not acceptable; the client fails the connection
     */
    Extension acceptResponse(ExtensionOffer response) throws HandshakeException;
}
