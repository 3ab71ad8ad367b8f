package org.campusmirror.ws.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.campusmirror.ws.server.osgi.BroadcastEndpointComponent;
import org.campusmirror.ws.server.osgi.EchoEndpointComponent;

/**
 * Our server alone in a JVM that the test starts with a small heap ({@link OverloadTest}): default limits,
 * one I/O thread, {@code /echo} and {@code /broadcast} as the mirror serves them with {@code -Dmirror.ws.echo},
 * and {@code /exhaust}, whose handler allocates until the heap runs out. Prints {@code PORT n}; then obeys its
 * standard input: {@code stats} prints {@code STATS} and the server's statistics, {@code quit} closes the server
 * and exits 0. With {@code -XX:+ExitOnOutOfMemoryError} (set by the overload tests) reaching OutOfMemoryError
 * anywhere ends the JVM with exit code 3.
 */
public final class SmallHeapServer {
    private SmallHeapServer() {
    }

    public static void main(String[] args) throws Exception {
        WebSocketServer server = WebSocketServer.builder().port(0).bindAddress(Loopback.ADDRESS).ioThreads(1)
                .threadName("small-heap-ws").endpoint("/echo", new EchoEndpointComponent()).build().start();
        server.addEndpoint("/broadcast", new BroadcastEndpointComponent(server),
                EndpointOptions.builder().broadcast(true).build());
        server.addEndpoint("/exhaust", new WebSocketEndpoint() {
            @Override
            public void onText(WebSocket socket, String text) {
                List<byte[]> hoard = new ArrayList<>();
                while (true) {
                    hoard.add(new byte[1 << 20]); // a handler's bug: the heap runs out on the I/O thread
                }
            }
        }, EndpointOptions.DEFAULTS);
        System.out.println("PORT " + server.port() + " max heap " + Runtime.getRuntime().maxMemory()
                + " memory budget " + server.stats().memoryBudget());
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            if (line.equals("stats")) {
                System.out.println("STATS " + server.stats());
            } else if (line.equals("quit")) {
                break;
            }
            System.out.flush();
        }
        boolean ended = server.close(server.limits().shutdownGrace());
        System.out.println("CLOSED " + ended);
        System.out.flush();
        System.exit(ended ? 0 : 1);
    }
}
