package org.campusmirror.ws.autobahn;

/**
 * Which side of the connection the fuzzing peer plays; the endpoint under test plays the other.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6455#section-4">RFC 6455 section 4 (opening handshake)</a>
 */
public enum FuzzerMode {
    /**
     * The peer is the client ({@code wstest -m fuzzingclient}): it sends the HTTP Upgrade request
     * with the case's {@code Sec-WebSocket-Extensions} offer and masks its frames. The endpoint
     * under test is a server.
     */
    FUZZING_CLIENT,
    /**
     * The peer is the server ({@code wstest -m fuzzingserver}): it answers the endpoint's Upgrade
     * request, accepting a permessage-deflate offer as the case prescribes. The endpoint under
     * test is a client that echoes.
     */
    FUZZING_SERVER
}
