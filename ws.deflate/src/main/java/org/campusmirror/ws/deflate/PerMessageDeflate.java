package org.campusmirror.ws.deflate;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.campusmirror.ws.deflate.internal.CompressionPool;
import org.campusmirror.ws.deflate.internal.ZlibStreams;
import org.campusmirror.ws.protocol.Extension;
import org.campusmirror.ws.protocol.ExtensionFactory;
import org.campusmirror.ws.protocol.ExtensionOffer;
import org.campusmirror.ws.protocol.HandshakeException;
import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.protocol.Role;

/**
 * The permessage-deflate extension (<a href="https://www.rfc-editor.org/rfc/rfc7692">RFC 7692</a>) for the
 * ws.protocol engine: negotiates it in the opening handshake, in either role, and makes a
 * {@link DeflateExtension} per connection. One instance per configuration; thread-safe; give it to
 * {@code ServerHandshake.Builder.extensions(...)} or {@code ClientHandshake.Builder.extensions(...)}.
 *
 * <p>Server (<a href="https://www.rfc-editor.org/rfc/rfc7692#section-5">section 5</a>): of the client's
 * permessage-deflate offers, in its order, the first valid one is accepted; an offer with an unknown,
 * repeated or malformed parameter is declined and the next one tried; if none is valid the handshake goes on
 * without the extension. Every valid offer is acceptable, whatever window it asks for. The response is built
 * as {@link PerMessageDeflateOptions} describes.
 *
 * <p>Client: {@link #offers()} is one offer built from the options; {@link #acceptResponse} fails the
 * handshake ({@link HandshakeException}) for a response that breaks the syntax or does not match the offer
 * (section 5.1 / 7.1: the client must fail the connection).
 *
 * <p>Broadcast: {@link #encodeShared} compresses a message once for every server connection that agreed on
 * {@code server_no_context_takeover}; use {@link PerMessageDeflateOptions.Builder#forBroadcast()} on such an
 * endpoint so every client agrees to it.
 *
 * <p>{@link #close()} frees the pooled zlib compressors (when an endpoint goes away); connections end their
 * own streams themselves.
 */
public final class PerMessageDeflate implements ExtensionFactory, AutoCloseable {
    /** The extension token. */
    public static final String NAME = "permessage-deflate";

    private final PerMessageDeflateOptions options;
    private final ZlibStreams streams;
    private final CompressionPool pool;

    PerMessageDeflate(PerMessageDeflateOptions options, ZlibStreams streams) {
        this.options = Objects.requireNonNull(options, "options");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.pool = new CompressionPool(options.concurrencyLimit(), options.compressionLevel(), streams);
    }

    /** permessage-deflate with {@link PerMessageDeflateOptions#DEFAULTS}. */
    public static PerMessageDeflate create() {
        return create(PerMessageDeflateOptions.DEFAULTS);
    }

    public static PerMessageDeflate create(PerMessageDeflateOptions options) {
        return new PerMessageDeflate(options, ZlibStreams.JDK);
    }

    public PerMessageDeflateOptions options() {
        return options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Extension> acceptOffer(List<ExtensionOffer> offers) {
        for (ExtensionOffer offer : offers) {
            try {
                OfferedParameters offered = OfferedParameters.parse(offer, OfferedParameters.Source.CLIENT_OFFER);
                DeflateParameters agreed = DeflateNegotiation.answer(options, offered);
                return Optional.of(newExtension(Role.SERVER, agreed, agreed.toExtensionOffer()));
            } catch (OfferedParameters.InvalidParametersException declined) {
                // RFC 7692 section 5: an invalid offer is declined; the next one may still be acceptable.
            }
        }
        return Optional.empty();
    }

    @Override
    public List<ExtensionOffer> offers() {
        return List.of(DeflateNegotiation.offer(options));
    }

    @Override
    public Extension acceptResponse(ExtensionOffer response) throws HandshakeException {
        try {
            OfferedParameters answered = OfferedParameters.parse(response, OfferedParameters.Source.SERVER_RESPONSE);
            return newExtension(Role.CLIENT, DeflateNegotiation.inForce(options, answered), response);
        } catch (OfferedParameters.InvalidParametersException e) {
            throw new HandshakeException(400, "invalid permessage-deflate response '" + response + "': "
                    + e.getMessage());
        }
    }

    /**
     * Encodes a data message once for any number of server connections: a plain frame that suits every
     * connection, and, if the message reaches the threshold and a compression slot is free, a compressed
     * frame (full 15-bit window, compressed on its own) that suits every connection where
     * {@code server_no_context_takeover} and a 15-bit server window are in force. Thread-safe; call it from
     * any thread.
     *
     * @param type {@link OpCode#TEXT} (valid UTF-8 required) or {@link OpCode#BINARY}
     * @param data the message, between position and limit; read, not changed
     * @throws IllegalArgumentException for another opcode or text that is not UTF-8
     */
    public SharedMessage encodeShared(OpCode type, ByteBuffer data) {
        return SharedMessage.encode(type, data, options.threshold(), pool);
    }

    /** Ends the zlib streams of idle pooled compressors; those in use end when their message is done. */
    @Override
    public void close() {
        pool.close();
    }

    /** Compression slots in use right now (for monitoring and tests). */
    int slotsInUse() {
        return pool.inUse();
    }

    private DeflateExtension newExtension(Role role, DeflateParameters parameters, ExtensionOffer negotiated) {
        return new DeflateExtension(role, parameters, negotiated, options, pool, streams);
    }
}
