package org.campusmirror.mirror.runtime.webconsole;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A Campus Mirror console plugin: its page ({@code webconsole/NAME.html} of the plugin's bundle, see
 * {@link PluginRequests#page}), script and style sheet ({@code NAME.js}, {@code NAME.css}), the DOM helpers every
 * plugin script imports ({@code plugin.js}, from this bundle), {@code state.json}, and POSTs to {@code action},
 * checked by a {@link CsrfGuard} first. A subclass says what the state is and what an action does.
 */
public abstract class ConsolePluginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConsolePluginServlet.class);

    private final String label;
    private final String title;
    private final String files;
    private final transient CsrfGuard guard = new CsrfGuard();

    /**
     * @param label the console label ({@code felix.webconsole.label})
     * @param title the plugin's name in log lines
     * @param files the base name of the page, script and style sheet under {@code webconsole/}
     */
    protected ConsolePluginServlet(String label, String title, String files) {
        this.label = label;
        this.title = title;
        this.files = files;
    }

    /** The JSON the plugin's script polls. */
    protected abstract byte[] state() throws IOException;

    /**
     * Carries out the form's action ({@code do}).
     *
     * @throws IllegalArgumentException the form is wrong (answered 400 with the message)
     * @throws IOException              it could not be done now (answered 503)
     */
    protected abstract void act(String action, HttpServletRequest request) throws IOException;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = PluginRequests.subPath(request, label);
        if (path.isEmpty() || path.equals("/")) {
            PluginRequests.page(request, response, label, guard,
                    new String(entry(getClass(), files + ".html"), StandardCharsets.UTF_8));
        } else if (path.equals("/state.json")) {
            byte[] json = state();
            response.setContentType("application/json;charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            response.getOutputStream().write(json);
        } else if (path.equals("/" + files + ".js")) {
            PluginRequests.resource(response, entry(getClass(), files + ".js"), "text/javascript;charset=utf-8");
        } else if (path.equals("/" + files + ".css")) {
            PluginRequests.resource(response, entry(getClass(), files + ".css"), "text/css;charset=utf-8");
        } else if (path.equals("/plugin.js")) {
            PluginRequests.resource(response, entry(ConsolePluginServlet.class, "plugin.js"),
                    "text/javascript;charset=utf-8");
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/action".equals(PluginRequests.subPath(request, label))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        var refusal = PluginRequests.refusal(guard, request, title);
        if (refusal.isPresent()) {
            PluginRequests.plain(response, HttpServletResponse.SC_FORBIDDEN, "Refused: " + refusal.get());
            return;
        }
        String action = String.valueOf(request.getParameter("do"));
        try {
            act(action, request);
        } catch (IllegalArgumentException e) {
            PluginRequests.plain(response, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        } catch (IOException e) {
            PluginRequests.plain(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Not done: " + e.getMessage());
            return;
        }
        LOG.info("{} console: {} by {}", title, action, PluginRequests.user(request));
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", PluginRequests.pluginRoot(request, label));
    }

    /** A file under {@code webconsole/} of the bundle of {@code type}; missing is a broken build, not a 404. */
    private static byte[] entry(Class<?> type, String name) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(type);
        URL url = bundle == null ? null : bundle.getEntry("webconsole/" + name);
        if (url == null) {
            throw new IOException("webconsole/" + name + " is missing from the bundle of " + type.getName());
        }
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }
}
