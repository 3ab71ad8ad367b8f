package org.campusmirror.ws.autobahn;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The fuzzing peer as a TCP server on loopback ({@code wstest -m fuzzingserver}) for a real client
 * under test: {@link #runCase} accepts the next connection, answers its opening handshake (RFC 6455
 * section 4.2.2) and plays the case. Any request path is accepted.
 */
public final class FuzzingServer implements AutoCloseable {
    private final ServerSocket serverSocket;
    private final PeerOptions options;

    private FuzzingServer(ServerSocket serverSocket, PeerOptions options) {
        this.serverSocket = serverSocket;
        this.options = options;
    }

    /** Listens on an ephemeral loopback port. */
    public static FuzzingServer start(PeerOptions options) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new FuzzingServer(socket, options);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /**
     * Waits up to {@link PeerOptions#tcpTimeout()} for the client's connection, then plays
     * {@code testCase} on it. A client that does not connect in time grades the case FAILED.
     */
    public CaseResult runCase(AutobahnCase testCase) {
        Socket accepted;
        try {
            serverSocket.setSoTimeout((int) options.tcpTimeout().toMillis());
            accepted = serverSocket.accept();
        } catch (SocketTimeoutException e) {
            return TcpDriver.unreachable(testCase, FuzzerMode.FUZZING_SERVER,
                    "no client connected within " + options.tcpTimeout());
        } catch (IOException e) {
            return TcpDriver.unreachable(testCase, FuzzerMode.FUZZING_SERVER, "accept failed: " + e);
        }
        return TcpDriver.runAsServer(testCase, accepted, options);
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
