package org.campusmirror.mirror.runtime.webconsole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.osgi.service.servlet.context.ServletContextHelper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What every Campus Mirror console plugin reads from a Web Console request, and how it answers in plain text. */
public final class PluginRequests {
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

    /** Answers {@code status} with one line of text. */
    public static void plain(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
