package org.campusmirror.mirror.runtime.internal.display;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.campusmirror.ws.server.ServerStats;
import org.campusmirror.ws.server.UpgradeDecision;
import org.campusmirror.ws.server.UpgradeRequest;
import org.campusmirror.ws.server.WebSocket;
import org.campusmirror.ws.server.WebSocketEndpoint;
import org.campusmirror.ws.server.WebSocketServer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@value DisplayProtocol#PATH} on the WebSocket port: each new display gets a snapshot, then every change as it
 * happens, encoded once and broadcast to all displays (so it counts against the server's memory budget and its
 * slow-consumer policy sheds a display that does not read). Displays only listen: a display that sends anything
 * is closed with {@value DisplayProtocol#LISTEN_ONLY_CLOSE}. Actions come from GPIO and the console only.
 */
@Component(service = {WebSocketEndpoint.class, DisplayEndpoint.class}, property = {
        WebSocketEndpoint.HEARTBEAT_PROPERTY + ":Integer=" + DisplayEndpoint.HEARTBEAT_SECONDS,
        WebSocketEndpoint.BROADCAST_PROPERTY + ":Boolean=true"})
@WebSocketEndpoint.Path(DisplayProtocol.PATH)
public final class DisplayEndpoint implements WebSocketEndpoint, DisplayModel.Listener {
    static final int HEARTBEAT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(DisplayEndpoint.class);

    private final MirrorDisplay display;
    private final WebSocketServer server;
    private final DisplayMessages messages;
    private final Map<WebSocket, ConnectedDisplay> displays = new ConcurrentHashMap<>();

    @Activate
    public DisplayEndpoint(BundleContext context, @Reference MirrorDisplay display, @Reference WebSocketServer server) {
        this.display = display;
        this.server = server;
        this.messages = new DisplayMessages(RuntimeVersion.of(context.getBundle()));
        display.model().subscribe(this);
    }

    @Deactivate
    void deactivate() {
        display.model().unsubscribe(this);
    }

    /** The WebSocket server's counters (connections, broadcasts, slow consumers shed). */
    public ServerStats serverStats() {
        return server.stats();
    }

    /** The displays connected now. */
    public List<ConnectedDisplay> displays() {
        return List.copyOf(displays.values());
    }

    @Override
    public UpgradeDecision upgrade(UpgradeRequest request) {
        InetSocketAddress remote = request.remoteAddress();
        String address = remote == null ? "?" : remote.getAddress().getHostAddress();
        return UpgradeDecision.accept().principal(ConnectedDisplay.of(address, request.header("User-Agent"),
                display.clock().instant(), request.queryParameters().containsKey("preview")));
    }

    @Override
    public void onOpen(WebSocket socket) {
        ConnectedDisplay connected = socket.principal() instanceof ConnectedDisplay known ? known
                : ConnectedDisplay.of("?", "", display.clock().instant(), false);
        displays.put(socket, connected);
        // Under the model's lock: no change slips in between this snapshot and the broadcasts that follow it.
        display.model().withSnapshot(snapshot -> socket.sendText(messages.snapshot(snapshot, display.clock().instant())));
        LOG.info("Display connected from {} ({} connected)", connected.address(), displays.size());
    }

    @Override
    public void onTextUtf8(WebSocket socket, ByteBuffer utf8) {
        refuse(socket);
    }

    @Override
    public void onBinary(WebSocket socket, ByteBuffer data) {
        refuse(socket);
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason) {
        ConnectedDisplay gone = displays.remove(socket);
        if (gone != null) {
            LOG.info("Display {} disconnected ({}{}), {} connected", gone.address(), code,
                    reason == null || reason.isEmpty() ? "" : " " + reason, displays.size());
        }
    }

    @Override
    public void changed(DisplayChange change) {
        if (displays.isEmpty()) {
            return;
        }
        server.broadcast(DisplayProtocol.PATH, messages.change(change));
    }

    private void refuse(WebSocket socket) {
        LOG.info("Display {} sent a message; displays only listen: closing with {}",
                displays.getOrDefault(socket, ConnectedDisplay.of("?", "", null, false)).address(),
                DisplayProtocol.LISTEN_ONLY_CLOSE);
        socket.close(DisplayProtocol.LISTEN_ONLY_CLOSE, "displays only listen");
    }
}
