package org.campusmirror.ws.protocol;

/**
 * Which end of the connection an endpoint plays. Per
 * <a href="https://www.rfc-editor.org/rfc/rfc6455#section-5.1">RFC 6455 section 5.1</a> the client masks
 * every frame it sends and the server masks none; each side fails the connection when the peer breaks
 * that rule. Per <a href="https://www.rfc-editor.org/rfc/rfc6455#section-7.1.1">section 7.1.1</a> the
 * server closes the TCP connection first.
 */
public enum Role {
    SERVER,
    CLIENT;

    /** Whether frames this role sends are masked. */
    public boolean masksOutgoing() {
        return this == CLIENT;
    }

    /** Whether frames this role receives must be masked. */
    public boolean expectsMaskedIncoming() {
        return this == SERVER;
    }
}
