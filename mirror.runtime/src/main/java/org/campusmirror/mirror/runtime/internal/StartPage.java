package org.campusmirror.mirror.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The display page at {@code /}, for now an honest placeholder: the mirror runs but shows no widgets yet. The
 * real page (regions, tiles, the WebSocket client) replaces it in the widget stage. Other paths answer 404.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
public final class StartPage extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Campus Mirror</title>
            <style>body{background:#000;color:#ddd;font-family:sans-serif;display:grid;place-items:center;height:100vh;margin:0}</style>
            </head>
            <body>
            <main>
            <h1>Campus Mirror</h1>
            <p>The mirror is running. No widgets are installed yet.</p>
            </main>
            </body>
            </html>
            """;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Mapped as the default servlet, so it sees every path nobody else serves.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.isEmpty() && !"/".equals(path)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/html;charset=utf-8");
        response.setHeader("Cache-Control", "no-cache");
        response.getOutputStream().write(HTML.getBytes(StandardCharsets.UTF_8));
    }
}
