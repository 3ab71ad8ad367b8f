package org.campusmirror.mirror.fleet.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.campusmirror.mirror.fleet.FleetLink;
import org.campusmirror.mirror.fleet.trust.FleetKeys;
import org.campusmirror.mirror.runtime.webconsole.ConsolePluginServlet;
import org.campusmirror.mirror.runtime.webconsole.CsrfGuard;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The Web Console plugin "Fleet" ({@code /system/console/fleet}, behind the console's authentication), present
 * while the fleet is configured. Managing needs the fleet's private key in {@code DIR/fleet/fleet.key} (mode 600):
 * with it the page lists every mirror (online or offline, last seen, version, widgets in error) and the latest
 * events, and sends or clears announcements, configurations and rollouts to a group; without it the page offers to
 * create the key and shows the public key for the other mirrors' configuration. The page is a skeleton with every
 * value encoded; {@code fleet.js} fills it from {@code state.json} with DOM calls only. POSTs pass the runtime's
 * {@link CsrfGuard}.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + FleetConsolePlugin.LABEL,
        "felix.webconsole.title=Fleet",
        "felix.webconsole.category=Campus Mirror"})
public final class FleetConsolePlugin extends ConsolePluginServlet {
    static final String LABEL = "fleet";
    static final String KEY_FILE = "fleet.key";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FleetConsolePlugin.class);
    private static final long MAX_ANNOUNCEMENT_MINUTES = 60L * 24 * 60;

    private final transient FleetLink link;
    private final transient ObjectMapper json = new ObjectMapper();
    private final transient FleetView view = new FleetView(json, Clock.systemUTC());
    private final transient Path keyFile;
    private transient volatile KeyPair key;
    private transient volatile FleetOrders orders;

    @Activate
    public FleetConsolePlugin(BundleContext context, @Reference FleetLink link) {
        super(LABEL, "Fleet", "fleet");
        this.link = link;
        String home = context.getProperty("mirror.home");
        this.keyFile = Path.of(home == null || home.isBlank() ? "mirror-home" : home).resolve("fleet").resolve(KEY_FILE);
        if (Files.isRegularFile(keyFile)) {
            try {
                manageWith(FleetKeys.load(keyFile));
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                LOG.error("Fleet: cannot read the fleet key {}: {}", keyFile, e.getMessage());
            }
        }
    }

    @Deactivate
    void deactivate() {
        link.unwatch(view);
    }

    private synchronized void manageWith(KeyPair pair) {
        key = pair;
        orders = new FleetOrders(link, pair, json, Clock.systemUTC());
        link.watch(view);
        LOG.info("Fleet: this mirror manages the fleet (public key {})", FleetKeys.encode(pair.getPublic()));
    }

    @Override
    protected void act(String action, HttpServletRequest request) throws IOException {
        if (action.equals("create-key")) {
            createKey();
            return;
        }
        FleetOrders current = orders;
        if (current == null) {
            throw new IllegalArgumentException("This mirror does not hold the fleet key");
        }
        String group = field(request, "group");
        switch (action) {
            case "announce" -> current.announce(group, announcement(request));
            case "clear-announcement" -> current.clearAnnouncement(group);
            case "configure" -> current.configure(group, field(request, "pid"), properties(field(request, "properties")));
            case "rollout" -> current.rollOut(group, field(request, "symbolicName"), field(request, "version"),
                    field(request, "url"), field(request, "sha256").toLowerCase(java.util.Locale.ROOT));
            default -> throw new IllegalArgumentException("Unknown action");
        }
    }

    private synchronized void createKey() throws IOException {
        if (key != null || Files.exists(keyFile)) {
            throw new IllegalArgumentException("This mirror already holds a fleet key");
        }
        KeyPair pair = FleetKeys.generate();
        FleetKeys.store(pair, keyFile);
        manageWith(pair);
    }

    private ObjectNode announcement(HttpServletRequest request) {
        ObjectNode body = json.createObjectNode();
        body.put("id", field(request, "id"));
        ObjectNode text = body.putObject("text");
        text.put("de", optional(request, "text_de"));
        text.put("en", optional(request, "text_en"));
        if (text.path("de").asText().isEmpty() && text.path("en").asText().isEmpty()) {
            throw new IllegalArgumentException("An announcement needs a German or an English text");
        }
        body.put("priority", field(request, "priority"));
        String minutes = request.getParameter("minutes");
        if (minutes != null && !minutes.isBlank()) {
            long value;
            try {
                value = Long.parseLong(minutes.strip());
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 1 || value > MAX_ANNOUNCEMENT_MINUTES) {
                throw new IllegalArgumentException("Minutes must be a whole number from 1 to " + MAX_ANNOUNCEMENT_MINUTES);
            }
            body.put("end", Instant.now().plus(Duration.ofMinutes(value)).toString());
        }
        return body;
    }

    private ObjectNode properties(String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // answered below
        }
        throw new IllegalArgumentException("Properties must be a JSON object, e.g. {\"widget.title\": \"Lobby\"}");
    }

    @Override
    protected byte[] state() throws IOException {
        ObjectNode state = view.json();
        KeyPair pair = key;
        state.put("holdsKey", pair != null);
        state.put("publicKey", pair == null ? "" : FleetKeys.encode(pair.getPublic()));
        state.put("connected", link.connected());
        state.put("thisMirror", link.mirrorId());
        state.put("now", Instant.now().toString());
        return json.writeValueAsBytes(state);
    }

    private static String optional(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value.strip();
    }

    private static String field(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        return value.strip();
    }
}
