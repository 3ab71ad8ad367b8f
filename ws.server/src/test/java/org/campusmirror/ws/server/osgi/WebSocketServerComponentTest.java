package org.campusmirror.ws.server.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.campusmirror.ws.server.ClientOptions;
import org.campusmirror.ws.server.WebSocket;
import org.campusmirror.ws.server.WebSocketClient;
import org.campusmirror.ws.server.WebSocketEndpoint;
import org.campusmirror.ws.server.WebSocketHandler;
import org.campusmirror.ws.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentContext;

/**
 * The component without a framework (its framework calls answered by proxies): a port in use is one log line
 * naming the setting, with no exception and no readiness; a failed I/O thread takes the readiness property off
 * the server's service until the thread runs again.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebSocketServerComponentTest {
    private static final String LOOPBACK = InetAddress.getLoopbackAddress().getHostAddress();

    /** What the component registered, and every set of properties it had, in order. */
    private static final class Registration {
        final List<Map<String, Object>> history = new CopyOnWriteArrayList<>();
        volatile boolean unregistered;

        boolean ready() {
            return WebSocketServer.READY_PART.equals(history.get(history.size() - 1)
                    .get(WebSocketServer.READY_PART_PROPERTY));
        }
    }

    private final Map<String, String> frameworkProperties = new HashMap<>();
    private final List<Registration> registrations = new CopyOnWriteArrayList<>();
    private final List<String> toggled = new CopyOnWriteArrayList<>();

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class}, (self, method, args) -> switch (method.getName()) {
                case "getProperty" -> frameworkProperties.get((String) args[0]);
                case "registerService" -> register((Dictionary<?, ?>) args[2]);
                default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private ServiceRegistration<?> register(Dictionary<?, ?> properties) {
        Registration registration = new Registration();
        registration.history.add(copy(properties));
        registrations.add(registration);
        return (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (self, method, args) -> switch (method.getName()) {
                case "setProperties" -> {
                    registration.history.add(copy((Dictionary<?, ?>) args[0]));
                    yield null;
                }
                case "unregister" -> {
                    registration.unregistered = true;
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private ComponentContext componentContext() {
        return (ComponentContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ComponentContext.class}, (self, method, args) -> switch (method.getName()) {
                case "enableComponent", "disableComponent" -> {
                    toggled.add(method.getName() + " " + args[0]);
                    yield null;
                }
                default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Map<String, Object> copy(Dictionary<?, ?> properties) {
        Map<String, Object> map = new HashMap<>();
        for (Object key : Collections.list(properties.keys())) {
            map.put((String) key, properties.get(key));
        }
        return map;
    }

    private static ServerConfiguration config(Map<String, ?> values) {
        return Configurations.of(ServerConfiguration.class, values);
    }

    @Test
    void aConfiguredPortInUseIsOneLineNamingTheConfigurationAndNoReadiness() throws Exception {
        WebSocketServerComponent component = new WebSocketServerComponent();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            String log = capturingStandardError(() -> component.activate(context(), componentContext(),
                    config(Map.of("port", Integer.toString(port), "bind.address", LOOPBACK))));
            assertEquals(List.of("Campus Mirror cannot start the WebSocket server: port " + port + " is in use; set "
                    + "port=N in the configuration org.campusmirror.ws.server"), linesOf(log, "cannot start"));
            assertFalse(log.contains("Exception") || log.contains("\tat "), "no stack trace:\n" + log);
            assertTrue(registrations.isEmpty(), "nothing announces the websocket part");
            assertTrue(toggled.contains("disableComponent org.campusmirror.ws.server.echo"), toggled.toString());
        }
        component.deactivate();
    }

    @Test
    void aPortFromTheFrameworkPropertyNamesTheProperty() throws Exception {
        WebSocketServerComponent component = new WebSocketServerComponent();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            frameworkProperties.put("mirror.ws.port", Integer.toString(taken.getLocalPort()));
            frameworkProperties.put("mirror.ws.host", LOOPBACK);
            String log = capturingStandardError(() -> component.activate(context(), componentContext(),
                    config(Map.of())));
            assertEquals(List.of("Campus Mirror cannot start the WebSocket server: port " + taken.getLocalPort()
                    + " is in use; set -Dmirror.ws.port=N"), linesOf(log, "cannot start"));
        }
        component.deactivate();
    }

    @Test
    void aBadConfigurationValueIsOneLineToo() throws Exception {
        WebSocketServerComponent component = new WebSocketServerComponent();
        String log = capturingStandardError(() -> component.activate(context(), componentContext(),
                config(Map.of("port", "eighty"))));
        assertEquals(List.of("Campus Mirror cannot start the WebSocket server: the configuration "
                + "org.campusmirror.ws.server is not valid: port: not a port number (0-65535): eighty"),
                linesOf(log, "cannot start"));
        assertTrue(registrations.isEmpty());
        component.deactivate();
    }

    @Test
    void aFailedIoThreadTakesReadinessOffUntilItRunsAgain() throws Exception {
        WebSocketServerComponent component = new WebSocketServerComponent();
        component.addEndpoint(new WebSocketEndpoint() {
            @Override
            public void onText(WebSocket socket, String text) {
                socket.sendText(Integer.toString(depth(0)));
            }

            private int depth(int n) {
                return depth(n + 1) + 1; // a real StackOverflowError on the I/O thread
            }
        }, Map.of("service.id", 1L, WebSocketEndpoint.PATH_PROPERTY, "/overflow"));
        component.activate(context(), componentContext(), config(Map.of("port", "0", "bind.address", LOOPBACK)));
        try (WebSocketClient client = WebSocketClient.builder().build()) {
            assertEquals(1, registrations.size());
            Registration registration = registrations.get(0);
            assertTrue(registration.ready(), "listening: the websocket part is up");
            int port = (Integer) registration.history.get(0).get("websocket.port");
            client.connect(URI.create("ws://" + LOOPBACK + ":" + port + "/overflow"), ClientOptions.DEFAULTS,
                    new WebSocketHandler() { }).get(10, TimeUnit.SECONDS).sendText("go");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (registration.history.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(List.of(true, false, true), registration.history.stream()
                    .map(p -> p.containsKey(WebSocketServer.READY_PART_PROPERTY)).toList(),
                    "up, down while the thread was replaced, up again: " + registration.history);
            assertFalse(registration.unregistered, "the service stays: endpoints bound to it stay too");
        } finally {
            component.deactivate();
        }
        assertTrue(registrations.get(0).unregistered);
    }

    /** Runs {@code action} and returns what was written to standard error meanwhile (slf4j-simple logs there). */
    private static String capturingStandardError(ThrowingRunnable action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        return log;
    }

    /** The lines containing {@code text}, each from the start of the message (after the logger's prefix). */
    private static List<String> linesOf(String log, String text) {
        return log.lines().filter(line -> line.contains(text))
                .map(line -> line.substring(line.indexOf("Campus Mirror"))).toList();
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
