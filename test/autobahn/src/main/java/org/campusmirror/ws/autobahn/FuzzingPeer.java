package org.campusmirror.ws.autobahn;

/**
 * Runs Autobahn|Testsuite cases: in memory against an {@link EndpointUnderTest}, or over TCP
 * against a running server. For a real client under test see {@link FuzzingServer}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6455">RFC 6455</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7692">RFC 7692</a>
 */
public final class FuzzingPeer {
    private FuzzingPeer() {
    }

    /** Plays one case against a fresh endpoint from {@code factory}, on a virtual clock. */
    public static CaseResult runInMemory(AutobahnCase testCase, FuzzerMode mode, EndpointFactory factory,
            PeerOptions options) {
        return InMemoryDriver.run(testCase, mode, factory, options);
    }

    /** Plays one case as a client against a server listening on {@code host:port}, path {@code path}. */
    public static CaseResult runAgainstServer(AutobahnCase testCase, String host, int port, String path,
            PeerOptions options) {
        return TcpDriver.runAsClient(testCase, host, port, path, options);
    }
}
