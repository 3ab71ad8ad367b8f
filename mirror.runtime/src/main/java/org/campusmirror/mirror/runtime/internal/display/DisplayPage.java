package org.campusmirror.mirror.runtime.internal.display;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import org.campusmirror.ws.server.WebSocketServer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The display page at {@code /} and its scripts and styles under {@code /display/}, from this bundle's
 * {@code display/} folder. Registered as the default servlet, so it sees every path nobody else serves: those get
 * 404. The page carries the runtime's version (it reloads itself when a display connection reports another one)
 * and the WebSocket port. Its Content-Security-Policy allows scripts and styles from this origin only, connections
 * to this origin and the WebSocket port, and framing by this origin only (the console's preview).
 *
 * <p>{@value DisplayProtocol#SNAPSHOT_URL} answers the snapshot a new display gets on {@code /mirror}. A page loaded over HTTPS
 * polls it instead of opening the socket: the WebSocket port speaks plain {@code ws://}, which a browser refuses
 * from an HTTPS page, and the console's preview is such a page whenever the admin is not on the mirror itself.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
public final class DisplayPage extends HttpServlet {
    static final String ASSET_PREFIX = "/display/";
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> ASSETS = Map.of(
            "mirror.js", "text/javascript;charset=utf-8",
            "protocol.js", "text/javascript;charset=utf-8",
            "connection.js", "text/javascript;charset=utf-8",
            "context.js", "text/javascript;charset=utf-8",
            "tiles.js", "text/javascript;charset=utf-8",
            "default-renderer.js", "text/javascript;charset=utf-8",
            "mirror.css", "text/css;charset=utf-8");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]");

    private final transient BundleContext context;
    private final transient MirrorDisplay display;
    private final transient DisplayMessages messages;
    private final String version;
    private final String template;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile WebSocketServer webSockets;

    @Activate
    public DisplayPage(BundleContext context, @Reference MirrorDisplay display) throws IOException {
        this.context = context;
        this.display = display;
        this.version = RuntimeVersion.of(context.getBundle());
        this.messages = new DisplayMessages(version);
        this.template = new String(resource("index.html"), StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.isEmpty() || "/".equals(path)) {
            servePage(request, response);
        } else if (DisplayProtocol.SNAPSHOT_URL.equals(path)) {
            serveSnapshot(response);
        } else if (path.startsWith(ASSET_PREFIX) && ASSETS.containsKey(path.substring(ASSET_PREFIX.length()))) {
            serveAsset(path.substring(ASSET_PREFIX.length()), request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void servePage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int wsPort = webSocketPort();
        String html = template.replace("{{version}}", version).replace("{{wsPort}}", Integer.toString(wsPort));
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Content-Security-Policy", contentSecurityPolicy(request.getServerName(), wsPort));
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    private void serveSnapshot(HttpServletResponse response) throws IOException {
        // A copy taken under the model's lock, encoded outside it: polling never holds up a change.
        String json = messages.snapshot(display.model().snapshot(), display.clock().instant());
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    private void serveAsset(String name, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String etag = "\"" + version + "\"";
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(ASSETS.get(name));
        response.getOutputStream().write(resource(name));
    }

    /** The policy of the page: nothing but this origin, the display socket, and framing by this origin. */
    static String contentSecurityPolicy(String serverName, int wsPort) {
        String host = serverName != null && HOST.matcher(serverName).matches() ? serverName : "*";
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self' ws://" + host + ":" + wsPort + " wss://" + host + ":" + wsPort + "; "
                + "frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
    }

    private int webSocketPort() {
        WebSocketServer server = webSockets;
        if (server != null) {
            return server.port();
        }
        String configured = context.getProperty("mirror.ws.port");
        try {
            return configured == null ? 8081 : Integer.parseInt(configured.strip());
        } catch (NumberFormatException e) {
            return 8081;
        }
    }

    private byte[] resource(String name) throws IOException {
        return BundleEntries.read(context.getBundle(), "display/" + name);
    }
}
