package org.campusmirror.bench.netty;

import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the Netty reference server, with the defaults the benchmark uses.
 *
 * @param host            address to bind (loopback by default: the benchmark never leaves the machine)
 * @param port            TCP port; 0 picks a free one
 * @param deflate         offer permessage-deflate (RFC 7692) through WebSocketServerCompressionHandler
 * @param ioThreads       event-loop threads; 1 because the server is pinned to one core
 * @param transport       {@code nio} (what a plain-Java server uses) or {@code epoll} (Netty's native transport)
 * @param maxPayload      largest accepted frame and message, in bytes
 * @param maxSeconds      the process exits by itself after this long, whoever started it
 */
record ServerOptions(String host, int port, boolean deflate, int ioThreads, String transport,
        int maxPayload, int maxSeconds) {

    private static final Set<String> FLAGS = Set.of("--deflate");
    private static final Set<String> VALUED = Set.of("--host", "--port", "--io-threads", "--transport",
            "--max-payload", "--max-seconds");

    static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", 9002, false, 1, "nio", 16 * 1024 * 1024, 900);
    }

    static ServerOptions parse(String[] args) {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (FLAGS.contains(arg)) {
                values.put(arg, "true");
            } else if (VALUED.contains(arg) && i + 1 < args.length) {
                values.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown or incomplete option: " + arg
                        + " (options: " + FLAGS + " " + VALUED + ")");
            }
        }
        ServerOptions d = defaults();
        String transport = values.getOrDefault("--transport", d.transport());
        if (!transport.equals("nio") && !transport.equals("epoll")) {
            throw new IllegalArgumentException("--transport must be nio or epoll, not " + transport);
        }
        return new ServerOptions(
                values.getOrDefault("--host", d.host()),
                Integer.parseInt(values.getOrDefault("--port", String.valueOf(d.port()))),
                values.containsKey("--deflate"),
                Integer.parseInt(values.getOrDefault("--io-threads", String.valueOf(d.ioThreads()))),
                transport,
                Integer.parseInt(values.getOrDefault("--max-payload", String.valueOf(d.maxPayload()))),
                Integer.parseInt(values.getOrDefault("--max-seconds", String.valueOf(d.maxSeconds()))));
    }
}
