package org.campusmirror.ws.autobahn;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * A WebSocket endpoint driven in memory by the fuzzing peer: a sans-IO engine (RFC 6455, RFC 7692)
 * wrapped so that it echoes every text and binary message it receives, as it came.
 *
 * <p>The peer creates one fresh instance per case through an {@link EndpointFactory} and is the
 * only caller; all calls come from one thread. Contract:
 * <ul>
 *   <li>{@link #receive} hands over bytes exactly in the chops the case prescribes (one call per
 *       chop). The buffer is only valid during the call: copy what you keep.</li>
 *   <li>{@link #drainOutput} returns every byte the endpoint wrote since the last call, or an empty
 *       buffer; never null. The peer calls it after every {@code receive}, after every
 *       {@code advanceTime}, and before anything else in {@link FuzzerMode#FUZZING_SERVER} mode,
 *       where the endpoint is a client and must have its opening handshake request ready.</li>
 *   <li>{@link #closedTransport} turns true once the endpoint has closed its TCP side (after a
 *       closing handshake or when it fails the connection). Bytes drained before are still read;
 *       afterwards the peer sends nothing more.</li>
 *   <li>{@link #peerClosedTransport} tells the endpoint that the peer dropped or closed TCP; no
 *       {@code receive} follows.</li>
 *   <li>{@link #advanceTime} is the only clock the endpoint gets: virtual time passes, and its
 *       timeouts (closing handshake timeout, for instance) may fire and produce output or close.</li>
 * </ul>
 * A {@link RuntimeException} thrown by any method grades the case FAILED with the exception as reason.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6455#section-5">RFC 6455 section 5 (framing)</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6455#section-7">RFC 6455 section 7 (closing the connection)</a>
 */
public interface EndpointUnderTest {

    /** Bytes the fuzzing peer sent, one TCP chop. */
    void receive(ByteBuffer fromPeer);

    /** Bytes the endpoint wrote since the last call; an empty buffer when none. */
    ByteBuffer drainOutput();

    /** True once the endpoint has closed its side of the TCP connection. */
    boolean closedTransport();

    /** The peer dropped or closed the TCP connection. */
    void peerClosedTransport();

    /** Lets virtual time pass, so that sans-IO timeouts can fire. */
    void advanceTime(Duration elapsed);
}
