package org.campusmirror.ws.server;

import java.util.ArrayList;
import java.util.List;

import org.campusmirror.ws.protocol.HandshakeRejection;
import org.campusmirror.ws.protocol.HttpHeader;

/**
 * The upgrade hook's answer: accept (optionally with a principal, a subprotocol and extra response headers)
 * or refuse with an HTTP status, e.g. 401 with {@code WWW-Authenticate} or 403
 * (<a href="https://www.rfc-editor.org/rfc/rfc6455#section-4.2.2">RFC 6455 section 4.2.2</a>: "the server
 * MAY ... return an appropriate error code"). Immutable; the {@code with}-methods return new decisions.
 */
public final class UpgradeDecision {
    private static final UpgradeDecision ACCEPT = new UpgradeDecision(null, null, null, false, List.of());

    private final HandshakeRejection rejection;
    private final Object principal;
    private final String subprotocol;
    private final boolean subprotocolSet;
    private final List<HttpHeader> headers;

    private UpgradeDecision(HandshakeRejection rejection, Object principal, String subprotocol,
            boolean subprotocolSet, List<HttpHeader> headers) {
        this.rejection = rejection;
        this.principal = principal;
        this.subprotocol = subprotocol;
        this.subprotocolSet = subprotocolSet;
        this.headers = List.copyOf(headers);
    }

    /** Accept, with the subprotocol the endpoint's options picked. */
    public static UpgradeDecision accept() {
        return ACCEPT;
    }

    /** Refuse with {@code status} (400-599) and its reason phrase as body. */
    public static UpgradeDecision reject(int status) {
        return reject(HandshakeRejection.of(status));
    }

    /** Refuse with {@code status} and extra headers, e.g. {@code WWW-Authenticate: Bearer}. */
    public static UpgradeDecision reject(int status, List<HttpHeader> headers) {
        return reject(new HandshakeRejection(status, headers, HandshakeRejection.reasonPhrase(status)));
    }

    public static UpgradeDecision reject(HandshakeRejection rejection) {
        return new UpgradeDecision(rejection, null, null, false, List.of());
    }

    /** This acceptance with a principal (the authenticated user) that {@link WebSocket#principal()} returns. */
    public UpgradeDecision principal(Object principal) {
        requireAccepted();
        return new UpgradeDecision(null, principal, subprotocol, subprotocolSet, headers);
    }

    /** This acceptance with {@code subprotocol} (one the client offered, or null for none). */
    public UpgradeDecision subprotocol(String subprotocol) {
        requireAccepted();
        return new UpgradeDecision(null, principal, subprotocol, true, headers);
    }

    /** This acceptance with one more header on the 101 response (e.g. {@code Set-Cookie}). */
    public UpgradeDecision header(String name, String value) {
        requireAccepted();
        List<HttpHeader> more = new ArrayList<>(headers);
        more.add(new HttpHeader(name, value));
        return new UpgradeDecision(null, principal, subprotocol, subprotocolSet, more);
    }

    public boolean accepted() {
        return rejection == null;
    }

    /** The rejection to send, or null when accepted. */
    public HandshakeRejection rejection() {
        return rejection;
    }

    public Object principal() {
        return principal;
    }

    /** Whether the hook chose the subprotocol itself (else the endpoint's options decide). */
    public boolean choosesSubprotocol() {
        return subprotocolSet;
    }

    public String subprotocol() {
        return subprotocol;
    }

    public List<HttpHeader> headers() {
        return headers;
    }

    private void requireAccepted() {
        if (rejection != null) {
            throw new IllegalStateException("a rejection carries no acceptance details");
        }
    }
}
