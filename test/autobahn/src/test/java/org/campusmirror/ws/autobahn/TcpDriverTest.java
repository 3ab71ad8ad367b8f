package org.campusmirror.ws.autobahn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The peer over real loopback TCP, against the scripted server behind a blocking socket loop. */
class TcpDriverTest {

    /** Serves one connection with a fresh scripted server, on its own thread. */
    private static Thread serveOnce(ServerSocket listener, ScriptedServer.Faults faults) {
        Thread thread = new Thread(() -> {
            try (Socket socket = listener.accept()) {
                ScriptedServer server = new ScriptedServer(faults);
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                byte[] buffer = new byte[65536];
                while (!server.closedTransport()) {
                    int count = in.read(buffer);
                    if (count < 0) {
                        server.peerClosedTransport();
                        break;
                    }
                    server.receive(ByteBuffer.wrap(buffer, 0, count));
                    ByteBuffer output = server.drainOutput();
                    out.write(output.array(), output.arrayOffset() + output.position(), output.remaining());
                    out.flush();
                }
            } catch (IOException e) {
                // the peer dropped the connection: nothing more to serve
            }
        }, "scripted-server");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static CaseResult runOverTcp(String id, ScriptedServer.Faults faults) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = serveOnce(listener, faults);
            CaseResult result = FuzzingPeer.runAgainstServer(CaseCatalogue.byId(id), "127.0.0.1",
                    listener.getLocalPort(), "/echo", PeerOptions.defaults());
            server.join(5000);
            return result;
        }
    }

    @Test
    @Timeout(30)
    void echoCaseIsOkOverTcp() throws Exception {
        CaseResult result = runOverTcp("1.1.8", ScriptedServer.Faults.correct());
        assertEquals(Verdict.OK, result.verdict(), result.explain());
    }

    @Test
    @Timeout(30)
    void failFastIsOkOverTcpAndLateFailureNonStrict() throws Exception {
        assertEquals(Verdict.OK, runOverTcp("6.4.1", ScriptedServer.Faults.correct()).verdict());
        CaseResult late = runOverTcp("6.4.1", ScriptedServer.Faults.correct().withUtf8CheckAtMessageEnd());
        assertEquals(Verdict.NON_STRICT, late.verdict(), late.explain());
    }

    @Test
    @Timeout(30)
    void unreachableServerFails() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        CaseResult result = FuzzingPeer.runAgainstServer(CaseCatalogue.byId("1.1.1"), "127.0.0.1", port, "/",
                PeerOptions.defaults());
        assertEquals(Verdict.FAILED, result.verdict(), result.explain());
    }
}
