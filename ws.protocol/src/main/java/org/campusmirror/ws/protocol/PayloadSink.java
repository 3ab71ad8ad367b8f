package org.campusmirror.ws.protocol;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where an {@link Extension} hands the bytes it produces. The engine implements it; an extension calls it as
 * often as it likes, with output in bounded pieces (never a whole inflated message at once), so the engine
 * can apply {@link ProtocolLimits#maxMessageSize()} to the output as it grows
 * (<a href="https://www.rfc-editor.org/rfc/rfc7692#section-7.2.2">RFC 7692 section 7.2.2</a>).
 */
@ProviderType
public interface PayloadSink {

    /**
     * Takes the bytes between {@code bytes}' position and limit. The engine copies what it keeps before
     * returning, so the extension may reuse the buffer afterwards; the buffer's position is left undefined.
     *
     * @throws WebSocketProtocolException when the output breaks a limit (1009) or is not valid UTF-8 in a
     *         text message (1007); the extension must let it propagate
     */
    void accept(ByteBuffer bytes) throws WebSocketProtocolException;
}
