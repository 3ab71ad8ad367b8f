package org.campusmirror.ws.server;

import org.campusmirror.ws.server.osgi.EchoEndpointComponent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client's connect timeout and HTTP CONNECT proxy support (with a tiny proxy made here). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientFeaturesTest {
    @TempDir
    Path folder;

    @Test
    void connectTimeoutEndsAHandshakeThatNeverCompletes() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, Loopback.ADDRESS);
                WebSocketClient client = WebSocketClient.builder().build()) {
            ClientOptions options = ClientOptions.builder().connectTimeout(Duration.ofMillis(300)).build();
            long start = System.nanoTime();
            ExecutionException e = assertThrows(ExecutionException.class, () -> client.connect(
                    URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/"), options, new Recorder())
                    .get(10, TimeUnit.SECONDS));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertInstanceOf(SocketTimeoutException.class, e.getCause());
            assertTrue(tookMillis >= 250 && tookMillis < 5000, "timed out after about 300 ms: " + tookMillis);
        }
    }

    @Test
    void refusedConnectionFailsTheFuture() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, Loopback.ADDRESS)) {
            closedPort = probe.getLocalPort();
        }
        try (WebSocketClient client = WebSocketClient.builder().build()) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> client.connect(
                    URI.create("ws://127.0.0.1:" + closedPort + "/"), ClientOptions.DEFAULTS, new Recorder())
                    .get(10, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, e.getCause());
        }
    }

    @Test
    void tunnelsThroughAConnectProxy() throws Exception {
        try (WebSocketServer server = Loopback.server().endpoint("/echo", new EchoEndpointComponent()).build().start();
                ConnectProxy proxy = new ConnectProxy(200);
                WebSocketClient client = WebSocketClient.builder().build()) {
            Recorder recorder = new Recorder();
            ClientOptions options = ClientOptions.builder().proxy(proxy.address()).build();
            WebSocket socket = client.connect(Loopback.uri(server, "/echo"), options, recorder).get(10, TimeUnit.SECONDS);
            socket.sendText("through the tunnel");
            assertEquals("through the tunnel", recorder.next().data());
            assertEquals("127.0.0.1:" + server.port(), proxy.targets.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void wssThroughAConnectProxy() throws Exception {
        TlsConfig tls = SelfSignedKeyStore.create(folder);
        try (WebSocketServer server = Loopback.server().tls(tls).endpoint("/echo", new EchoEndpointComponent()).build().start();
                ConnectProxy proxy = new ConnectProxy(200);
                WebSocketClient client = WebSocketClient.builder().build()) {
            Recorder recorder = new Recorder();
            ClientOptions options = ClientOptions.builder().proxy(proxy.address())
                    .sslContext(tls.trustingContext()).build();
            WebSocket socket = client.connect(URI.create("wss://localhost:" + server.port() + "/echo"), options,
                    recorder).get(10, TimeUnit.SECONDS);
            socket.sendText("encrypted in the tunnel");
            assertEquals("encrypted in the tunnel", recorder.next().data());
            assertEquals("localhost:" + server.port(), proxy.targets.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void proxyRefusalIsReportedWithItsStatus() throws Exception {
        try (ConnectProxy proxy = new ConnectProxy(407); WebSocketClient client = WebSocketClient.builder().build()) {
            ClientOptions options = ClientOptions.builder().proxy(proxy.address()).build();
            ExecutionException e = assertThrows(ExecutionException.class, () -> client.connect(
                    URI.create("ws://127.0.0.1:9/echo"), options, new Recorder()).get(10, TimeUnit.SECONDS));
            assertEquals(407, assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).status());
        }
    }

    @Test
    void extraHeadersReachTheServer() throws Exception {
        BlockingQueue<String> cookies = new LinkedBlockingQueue<>();
        WebSocketEndpoint endpoint = new WebSocketEndpoint() {
            @Override
            public UpgradeDecision upgrade(UpgradeRequest request) {
                cookies.add(request.cookie("session"));
                return UpgradeDecision.accept();
            }
        };
        try (WebSocketServer server = Loopback.server().endpoint("/", endpoint).build().start();
                WebSocketClient client = WebSocketClient.builder().build()) {
            ClientOptions options = ClientOptions.builder().headers(List.of(
                    new org.campusmirror.ws.protocol.HttpHeader("Cookie", "theme=dark; session=abc123"))).build();
            client.connect(Loopback.uri(server, "/"), options, new Recorder()).get(10, TimeUnit.SECONDS);
            assertEquals("abc123", cookies.poll(5, TimeUnit.SECONDS));
        }
    }

    /** An HTTP proxy that answers CONNECT with {@code status} and, for 200, relays bytes both ways. */
    static final class ConnectProxy implements AutoCloseable {
        final BlockingQueue<String> targets = new LinkedBlockingQueue<>();
        private final ServerSocket listener = new ServerSocket(0, 10, Loopback.ADDRESS);
        private final Thread acceptor;

        ConnectProxy(int status) throws IOException {
            acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket downstream = listener.accept();
                        Thread relay = new Thread(() -> serve(downstream, status), "connect-proxy");
                        relay.setDaemon(true);
                        relay.start();
                    }
                } catch (IOException closed) {
                    // listener closed: stop
                }
            }, "connect-proxy-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress(Loopback.ADDRESS, listener.getLocalPort());
        }

        private void serve(Socket downstream, int status) {
            try (downstream) {
                String head = Loopback.readHead(downstream.getInputStream());
                String target = head.split(" ")[1];
                targets.add(target);
                OutputStream toClient = downstream.getOutputStream();
                if (status != 200) {
                    toClient.write(("HTTP/1.1 " + status + " Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    return;
                }
                int colon = target.lastIndexOf(':');
                String host = target.substring(0, colon);
                try (Socket upstream = new Socket("localhost".equals(host) ? "127.0.0.1" : host,
                        Integer.parseInt(target.substring(colon + 1)))) {
                    toClient.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    Thread up = new Thread(() -> pump(downstream, upstream), "connect-proxy-up");
                    up.setDaemon(true);
                    up.start();
                    pump(upstream, downstream);
                }
            } catch (IOException e) {
                // a test ended the connection
            }
        }

        private static void pump(Socket from, Socket to) {
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                byte[] buffer = new byte[16 << 10];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
                to.shutdownOutput();
            } catch (IOException e) {
                // the other side closed
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
