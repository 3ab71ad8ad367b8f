package org.campusmirror.interop;

import java.net.URI;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The npm ws 8 server (test/interop/node/ws-server.mjs) in its own process on a free loopback port: echoes, obeys
 * the JSON commands, reports every event. Closing it kills the process.
 */
final class WsServerPeer implements AutoCloseable {
    private final PeerProcess process;
    private final int port;

    private WsServerPeer(PeerProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the server with {@code config} (deflate, protocols, token, maxPayload: see the script). */
    static WsServerPeer start(Map<String, Object> config) throws Exception {
        PeerProcess process = PeerProcess.start("ws-server", Peers.node("ws-server.mjs", PeerProcess.json(config)),
                Peers.nodeFolder());
        try {
            JsonNode listening = process.await("listening");
            return new WsServerPeer(process, listening.path("port").asInt());
        } catch (AssertionError | InterruptedException e) {
            process.close();
            throw e;
        }
    }

    URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + port + path);
    }

    /** The server's events, to wait on. */
    PeerProcess events() {
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
