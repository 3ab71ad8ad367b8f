package org.campusmirror.ws.autobahn;

import java.time.Duration;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * Settings of the fuzzing peer, with the Autobahn|Testsuite defaults except the compression level
 * (see {@code compressionLevel}). Build with {@link #defaults()} and the {@code with...} methods.
 *
 * @param closeHandshakeTimeout how long the peer waits for the close reply after it sent a close
 *        frame, then drops TCP (autobahn {@code closeHandshakeTimeout}, 1 s)
 * @param serverConnectionDropTimeout how long the peer, as a client, waits after the closing
 *        handshake for the server to close TCP, then drops it and grades the close unclean
 *        (autobahn {@code serverConnectionDropTimeout}, 1 s)
 * @param timeStep largest step of virtual time in memory, so that the endpoint's own timeouts fire
 *        close to when they are due
 * @param deliveryChunk largest chunk handed to {@link EndpointUnderTest#receive} for frames the
 *        case does not chop (TCP would split them too); chopped frames keep their chop size
 * @param randomSeed seed of the masking keys and handshake nonces, mixed with the case id, so
 *        that every in-memory run sends the same bytes
 * @param wireLogBytes how many bytes of each direction the report keeps for a failed case
 * @param tcpTimeout connect and accept timeout over TCP
 * @param tcpGrace real time allowed beyond a case's own timers before a TCP run is abandoned
 * @param compressionLevel zlib level (0..9, or -1 for zlib's default, 6) at which the peer compresses
 *        what it sends in 12.x/13.x (RFC 7692 section 7.2.1). Default 1, unlike the suite, which
 *        uses zlib's default: what the cases check (negotiation, framing, RSV1, window, context
 *        takeover, the echo's type, length and SHA-1) does not depend on the ratio, and at level 6
 *        the peer's own compression was about half of their run time
 */
public record PeerOptions(Duration closeHandshakeTimeout, Duration serverConnectionDropTimeout,
        Duration timeStep, int deliveryChunk, long randomSeed, int wireLogBytes,
        Duration tcpTimeout, Duration tcpGrace, int compressionLevel) {

    public PeerOptions {
        Objects.requireNonNull(closeHandshakeTimeout, "closeHandshakeTimeout");
        Objects.requireNonNull(serverConnectionDropTimeout, "serverConnectionDropTimeout");
        Objects.requireNonNull(timeStep, "timeStep");
        Objects.requireNonNull(tcpTimeout, "tcpTimeout");
        Objects.requireNonNull(tcpGrace, "tcpGrace");
        if (timeStep.isNegative() || timeStep.isZero()) {
            throw new IllegalArgumentException("timeStep must be positive: " + timeStep);
        }
        if (deliveryChunk < 1) {
            throw new IllegalArgumentException("deliveryChunk must be at least 1: " + deliveryChunk);
        }
        if (wireLogBytes < 0) {
            throw new IllegalArgumentException("wireLogBytes must not be negative: " + wireLogBytes);
        }
        if (compressionLevel != Deflater.DEFAULT_COMPRESSION
                && (compressionLevel < Deflater.NO_COMPRESSION || compressionLevel > Deflater.BEST_COMPRESSION)) {
            throw new IllegalArgumentException("compressionLevel must be -1 or 0..9: " + compressionLevel);
        }
    }

    /** The Autobahn|Testsuite defaults, but compression at zlib level 1 (the suite: zlib's default). */
    public static PeerOptions defaults() {
        return new PeerOptions(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(50),
                64 * 1024, 0x5EED_AB_0DL, 2048, Duration.ofSeconds(5), Duration.ofSeconds(10), 1);
    }

    public PeerOptions withCloseHandshakeTimeout(Duration value) {
        return new PeerOptions(value, serverConnectionDropTimeout, timeStep, deliveryChunk, randomSeed,
                wireLogBytes, tcpTimeout, tcpGrace, compressionLevel);
    }

    public PeerOptions withServerConnectionDropTimeout(Duration value) {
        return new PeerOptions(closeHandshakeTimeout, value, timeStep, deliveryChunk, randomSeed,
                wireLogBytes, tcpTimeout, tcpGrace, compressionLevel);
    }

    public PeerOptions withTimeStep(Duration value) {
        return new PeerOptions(closeHandshakeTimeout, serverConnectionDropTimeout, value, deliveryChunk,
                randomSeed, wireLogBytes, tcpTimeout, tcpGrace, compressionLevel);
    }

    public PeerOptions withDeliveryChunk(int value) {
        return new PeerOptions(closeHandshakeTimeout, serverConnectionDropTimeout, timeStep, value,
                randomSeed, wireLogBytes, tcpTimeout, tcpGrace, compressionLevel);
    }

    public PeerOptions withRandomSeed(long value) {
        return new PeerOptions(closeHandshakeTimeout, serverConnectionDropTimeout, timeStep, deliveryChunk,
                value, wireLogBytes, tcpTimeout, tcpGrace, compressionLevel);
    }

    public PeerOptions withWireLogBytes(int value) {
        return new PeerOptions(closeHandshakeTimeout, serverConnectionDropTimeout, timeStep, deliveryChunk,
                randomSeed, value, tcpTimeout, tcpGrace, compressionLevel);
    }

    public PeerOptions withTcpTimeout(Duration value) {
        return new PeerOptions(closeHandshakeTimeout, serverConnectionDropTimeout, timeStep, deliveryChunk,
                randomSeed, wireLogBytes, value, tcpGrace, compressionLevel);
    }

    public PeerOptions withTcpGrace(Duration value) {
        return new PeerOptions(closeHandshakeTimeout, serverConnectionDropTimeout, timeStep, deliveryChunk,
                randomSeed, wireLogBytes, tcpTimeout, value, compressionLevel);
    }

    public PeerOptions withCompressionLevel(int value) {
        return new PeerOptions(closeHandshakeTimeout, serverConnectionDropTimeout, timeStep, deliveryChunk,
                randomSeed, wireLogBytes, tcpTimeout, tcpGrace, value);
    }
}
