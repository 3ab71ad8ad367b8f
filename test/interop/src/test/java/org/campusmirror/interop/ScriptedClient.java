package org.campusmirror.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one peer client script (npm ws or Python websockets) against our server to its end: the client
 * connects, runs its steps, reports every event, and exits by itself within {@link #RUN_TIMEOUT}.
 */
final class ScriptedClient {
    static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);

    private ScriptedClient() {
    }

    /** The npm ws client with {@code options} for ws's constructor, e.g. {@code perMessageDeflate}. */
    static PeerProcess ws(URI uri, List<String> protocols, Map<String, Object> options, List<Map<String, Object>> steps)
            throws Exception {
        Map<String, Object> script = new LinkedHashMap<>();
        script.put("url", uri.toString());
        script.put("protocols", protocols);
        script.put("options", options);
        script.put("steps", steps);
        return runToEnd("ws-client", Peers.node("ws-client.mjs", scriptFile(script)), Peers.nodeFolder());
    }

    static PeerProcess ws(URI uri, List<Map<String, Object>> steps) throws Exception {
        return ws(uri, List.of(), Map.of("perMessageDeflate", false), steps);
    }

    /** Debian's python3-websockets client; {@code compression} is "deflate" or null. */
    static PeerProcess python(URI uri, String compression, List<Map<String, Object>> steps) throws Exception {
        Map<String, Object> script = new LinkedHashMap<>();
        script.put("url", uri.toString());
        script.put("compression", compression);
        script.put("steps", steps);
        List<String> command = List.of(Peers.python(), Peers.pythonFolder().resolve("client.py").toString(),
                scriptFile(script));
        return runToEnd("python-websockets", command, Peers.pythonFolder());
    }

    /** The script as a JSON file (a 10 MiB message's hex would not fit on a command line). */
    private static String scriptFile(Map<String, Object> script) throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile(Peers.workFolder(), "script-", ".json");
        java.nio.file.Files.writeString(file, PeerProcess.json(script));
        return file.toString();
    }

    private static PeerProcess runToEnd(String name, List<String> command, java.nio.file.Path folder)
            throws Exception {
        PeerProcess peer = PeerProcess.start(name, command, folder);
        try {
            int exit = peer.awaitExit(RUN_TIMEOUT);
            assertEquals(0, exit, name + " failed" + peer.describe());
            peer.await("done");
            return peer;
        } finally {
            peer.close();
        }
    }
}
