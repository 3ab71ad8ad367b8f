package org.campusmirror.mirror.runtime.webconsole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.osgi.service.servlet.context.ServletContextHelper;
import org.owasp.encoder.Encode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What every Campus Mirror console plugin does alike: read a Web Console request, check a form, serve its page. */
public final class PluginRequests {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRequests.class);
    private static final String PLUGIN_ROOT_ATTRIBUTE = "felix.webconsole.pluginRoot";

    private PluginRequests() {
    }

    /** The part of the path after the plugin's label: "", "/state.json", "/action". */
    public static String subPath(HttpServletRequest request, String label) {
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String prefix = "/" + label;
        return info.startsWith(prefix) ? info.substring(prefix.length()) : info;
    }

    /** The plugin's own URL path, as the console tells it (else the usual one). */
    public static String pluginRoot(HttpServletRequest request, String label) {
        Object root = request.getAttribute(PLUGIN_ROOT_ATTRIBUTE);
        return root instanceof String text && text.startsWith("/") ? text : "/system/console/" + label;
    }

    /** The signed-in user. */
    public static String user(HttpServletRequest request) {
        Object user = request.getAttribute(ServletContextHelper.REMOTE_USER);
        return user != null ? String.valueOf(user) : request.getRemoteUser();
    }

    /**
     * Why the guard refuses this state-changing request (logged with the client's address), or empty.
     *
     * @param plugin the plugin's name for the log line
     */
    public static Optional<String> refusal(CsrfGuard guard, HttpServletRequest request, String plugin) {
        Optional<String> refusal = guard.refusal(user(request), request.getParameter(CsrfGuard.FIELD),
                request.getHeader("Origin"), request.getHeader("Referer"), request.getScheme(),
                request.getHeader("Host"));
        refusal.ifPresent(reason -> LOG.warn("{} console: refused a request from {}: {}", plugin,
                request.getRemoteAddr(), reason));
        return refusal;
    }

    /**
     * Writes a plugin page from its HTML {@code template}, which may use {@code {{root}}} (the plugin's path),
     * {@code {{token}}} (the form token) and {@code {{tokenField}}} (a hidden input with it), each HTML-encoded.
     */
    public static void page(HttpServletRequest request, HttpServletResponse response, String label, CsrfGuard guard,
            String template) throws IOException {
        String root = Encode.forHtmlAttribute(pluginRoot(request, label));
        String token = Encode.forHtmlAttribute(guard.token(user(request)));
        String hidden = "<input type=\"hidden\" name=\"" + CsrfGuard.FIELD + "\" value=\"" + token + "\">";
        response.setContentType("text/html;charset=utf-8");
        response.getWriter().write(template.replace("{{root}}", root).replace("{{token}}", token)
                .replace("{{tokenField}}", hidden));
    }

    /** Serves a script or style sheet of the plugin, revalidated at each load. */
    public static void resource(HttpServletResponse response, byte[] content, String type) throws IOException {
        response.setContentType(type);
        response.setHeader("Cache-Control", "no-cache");
        response.getOutputStream().write(content);
    }

    /** Answers {@code status} with one line of text. */
    public static void plain(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
