package org.campusmirror.mirror.runtime.internal.webconsole;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.campusmirror.mirror.runtime.AlertEvents;
import org.campusmirror.mirror.runtime.MirrorActions;
import org.campusmirror.mirror.runtime.internal.alerts.AlertRequest;
import org.campusmirror.mirror.runtime.internal.display.DisplayEndpoint;
import org.campusmirror.mirror.runtime.internal.display.MirrorDisplay;
import org.campusmirror.mirror.runtime.internal.widgets.WidgetRegistry;
import org.campusmirror.mirror.runtime.webconsole.ConsolePluginServlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The Web Console plugin "Mirror" ({@code /system/console/mirror}, behind the console's authentication): every
 * widget with its state, last refresh, last error and data age; the connected displays; the current page; virtual
 * buttons that act like the GPIO buttons; raising and clearing alerts; a live preview of the display. The page is
 * a skeleton built here (every value encoded) that {@code console.js} fills from {@code state.json} with DOM
 * calls. State changes are POSTs to {@code action}, checked by the CSRF guard ({@link ConsolePluginServlet}).
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + MirrorConsolePlugin.LABEL,
        "felix.webconsole.title=Mirror",
        "felix.webconsole.category=Campus Mirror"})
public final class MirrorConsolePlugin extends ConsolePluginServlet {
    static final String LABEL = "mirror";
    private static final long serialVersionUID = 1L;
    private static final long MAX_ALERT_MINUTES = 7 * 24 * 60;

    private final transient MirrorDisplay display;
    private final transient WidgetRegistry registry;
    private final transient MirrorActions actions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile DisplayEndpoint endpoint;

    @Activate
    public MirrorConsolePlugin(@Reference MirrorDisplay display, @Reference WidgetRegistry registry,
            @Reference MirrorActions actions) {
        super(LABEL, "Mirror", "console");
        this.display = display;
        this.registry = registry;
        this.actions = actions;
    }

    @Override
    protected void act(String action, HttpServletRequest request) {
        switch (action) {
            case "next" -> actions.nextPage();
            case "previous" -> actions.previousPage();
            case "sleep" -> actions.sleep();
            case "wake" -> actions.wake();
            case "page" -> {
                if (!display.showPage(String.valueOf(request.getParameter("name")))) {
                    throw new IllegalArgumentException("No page of that name");
                }
            }
            case "action" -> {
                String name = request.getParameter("name");
                if (name == null || !name.strip().matches("[A-Za-z0-9._-]{1,64}")) {
                    throw new IllegalArgumentException("An action name is 1-64 letters, digits, '.', '_' or '-'");
                }
                actions.action(name.strip());
            }
            case "raise-alert" -> {
                AlertRequest alert = alertFrom(request);
                if (alert instanceof AlertRequest.Invalid invalid) {
                    throw new IllegalArgumentException(invalid.reason());
                }
                display.alerts().apply(alert);
            }
            case "clear-alert" -> display.alerts().apply(new AlertRequest.Clear(
                    String.valueOf(request.getParameter("id"))));
            case "refresh" -> registry.refreshNow(String.valueOf(request.getParameter("widget")));
            default -> throw new IllegalArgumentException("Unknown action");
        }
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

    @Override
    protected byte[] state() {
        DisplayEndpoint connected = endpoint;
        String json = ConsoleState.json(display.model().snapshot(), registry.statuses(),
                connected == null ? List.of() : connected.displays(), connected == null ? null : connected.serverStats(),
                registry.busyThreads(), display.clock().instant());
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
