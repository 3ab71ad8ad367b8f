package org.campusmirror.mirror.runtime.internal.webconsole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campusmirror.mirror.runtime.AlertEvents;
import org.campusmirror.mirror.runtime.MirrorActions;
import org.campusmirror.mirror.runtime.internal.alerts.AlertRequest;
import org.campusmirror.mirror.runtime.internal.display.BundleEntries;
import org.campusmirror.mirror.runtime.internal.display.DisplayEndpoint;
import org.campusmirror.mirror.runtime.internal.display.MirrorDisplay;
import org.campusmirror.mirror.runtime.internal.widgets.WidgetRegistry;
import org.campusmirror.mirror.runtime.webconsole.CsrfGuard;
import org.campusmirror.mirror.runtime.webconsole.PluginRequests;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Web Console plugin "Mirror" ({@code /system/console/mirror}, behind the console's authentication): every
 * widget with its state, last refresh, last error and data age; the connected displays; the current page; virtual
 * buttons that act like the GPIO buttons; raising and clearing alerts; a live preview of the display. The page is
 * a skeleton built here (every value encoded) that {@code console.js} fills from {@code state.json} with DOM
 * calls. State changes are POSTs to {@code action}, checked by {@link CsrfGuard}.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + MirrorConsolePlugin.LABEL,
        "felix.webconsole.title=Mirror",
        "felix.webconsole.category=Campus Mirror"})
public final class MirrorConsolePlugin extends HttpServlet {
    static final String LABEL = "mirror";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MirrorConsolePlugin.class);
    private static final long MAX_ALERT_MINUTES = 7 * 24 * 60;

    private final transient BundleContext context;
    private final transient MirrorDisplay display;
    private final transient WidgetRegistry registry;
    private final transient MirrorActions actions;
    private final transient CsrfGuard guard = new CsrfGuard();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile DisplayEndpoint endpoint;

    @Activate
    public MirrorConsolePlugin(BundleContext context, @Reference MirrorDisplay display,
            @Reference WidgetRegistry registry, @Reference MirrorActions actions) {
        this.context = context;
        this.display = display;
        this.registry = registry;
        this.actions = actions;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = PluginRequests.subPath(request, LABEL);
        switch (path) {
            case "", "/" -> page(request, response);
            case "/state.json" -> state(response);
            case "/console.js" -> PluginRequests.resource(response, bytes("console.js"), "text/javascript;charset=utf-8");
            case "/console.css" -> PluginRequests.resource(response, bytes("console.css"), "text/css;charset=utf-8");
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/action".equals(PluginRequests.subPath(request, LABEL))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<String> refusal = PluginRequests.refusal(guard, request, "Mirror");
        if (refusal.isPresent()) {
            PluginRequests.plain(response, HttpServletResponse.SC_FORBIDDEN, "Refused: " + refusal.get());
            return;
        }
        Optional<String> problem = act(request);
        if (problem.isPresent()) {
            PluginRequests.plain(response, HttpServletResponse.SC_BAD_REQUEST, problem.get());
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", PluginRequests.pluginRoot(request, LABEL));
    }

    /** Carries out one form's action; returns what was wrong with it, if anything. */
    private Optional<String> act(HttpServletRequest request) {
        String action = String.valueOf(request.getParameter("do"));
        switch (action) {
            case "next" -> actions.nextPage();
            case "previous" -> actions.previousPage();
            case "sleep" -> actions.sleep();
            case "wake" -> actions.wake();
            case "page" -> {
                if (!display.showPage(String.valueOf(request.getParameter("name")))) {
                    return Optional.of("No page of that name");
                }
            }
            case "action" -> {
                String name = request.getParameter("name");
                if (name == null || !name.strip().matches("[A-Za-z0-9._-]{1,64}")) {
                    return Optional.of("An action name is 1-64 letters, digits, '.', '_' or '-'");
                }
                actions.action(name.strip());
            }
            case "raise-alert" -> {
                AlertRequest alert = alertFrom(request);
                if (alert instanceof AlertRequest.Invalid invalid) {
                    return Optional.of(invalid.reason());
                }
                display.alerts().apply(alert);
            }
            case "clear-alert" -> display.alerts().apply(new AlertRequest.Clear(
                    String.valueOf(request.getParameter("id"))));
            case "refresh" -> registry.refreshNow(String.valueOf(request.getParameter("widget")));
            default -> {
                return Optional.of("Unknown action");
            }
        }
        LOG.info("Mirror console: {} by {}", action, PluginRequests.user(request));
        return Optional.empty();
    }

    private AlertRequest alertFrom(HttpServletRequest request) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(AlertEvents.ID, request.getParameter("id"));
        fields.put(AlertEvents.TEXT, request.getParameter("text"));
        fields.put(AlertEvents.LEVEL, request.getParameter("level"));
        String minutes = request.getParameter("minutes");
        if (minutes != null && !minutes.isBlank()) {
            try {
                long value = Long.parseLong(minutes.strip());
                if (value < 1 || value > MAX_ALERT_MINUTES) {
                    throw new NumberFormatException();
                }
                fields.put(AlertEvents.UNTIL, display.clock().instant().plus(Duration.ofMinutes(value)).toEpochMilli());
            } catch (NumberFormatException e) {
                return new AlertRequest.Invalid("Minutes must be a whole number from 1 to " + MAX_ALERT_MINUTES);
            }
        }
        return AlertRequest.read(fields::get, "console");
    }

    private void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PluginRequests.page(request, response, LABEL, guard,
                new String(bytes("console.html"), StandardCharsets.UTF_8));
    }

    private void state(HttpServletResponse response) throws IOException {
        DisplayEndpoint connected = endpoint;
        String json = ConsoleState.json(display.model().snapshot(), registry.statuses(),
                connected == null ? List.of() : connected.displays(), connected == null ? null : connected.serverStats(),
                registry.busyThreads(), display.clock().instant());
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] bytes(String name) throws IOException {
        return BundleEntries.read(context.getBundle(), "webconsole/" + name);
    }
}
