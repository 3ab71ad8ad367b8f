package org.campusmirror.mirror.widgets.profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configurations this bundle ships, applied once per start:
 * <ul>
 * <li>With {@value #DEMO_PROPERTY}{@code =true}: starts the {@link DemoServer} on loopback and creates or updates one
 * widget of every kind pointing at it ({@code demo/configs/*.json}, marked {@code mirror.bundled=demo}).</li>
 * <li>Without it: deletes those demo configurations, and on the first start of a home folder (no
 * {@value #DEFAULTS_MARKER} in it) installs the default configuration ({@code defaults/configs/*.json}: real public
 * sources) unless the admin already has widget configurations or {@value #DEFAULTS_PROPERTY}{@code =false}. The
 * marker file makes that happen once: what an admin deletes later stays deleted.</li>
 * </ul>
 */
@Component(immediate = true, service = {})
public final class ProfileComponent {
    public static final String DEMO_PROPERTY = "mirror.demo";
    public static final String DEFAULTS_PROPERTY = "mirror.defaults";
    public static final String DEFAULTS_MARKER = "defaults.installed";
    static final String DEMO = "demo";
    static final String DEFAULTS = "defaults";
    /** The factory PIDs whose configurations count as "the admin has set widgets up". */
    static final List<String> WIDGET_FACTORY_PIDS = List.of("org.campusmirror.mirror.widgets.canteen",
            "org.campusmirror.mirror.widgets.departures", "org.campusmirror.mirror.widgets.weather",
            "org.campusmirror.mirror.widgets.occupancy", "org.campusmirror.mirror.widgets.timetable",
            "org.campusmirror.mirror.widgets.news", "org.campusmirror.mirror.widgets.clock",
            "org.campusmirror.mirror.widgets.announcements");
    private static final Logger LOG = LoggerFactory.getLogger(ProfileComponent.class);

    private DemoServer demo;

    @Activate
    public ProfileComponent(BundleContext context, @Reference ConfigurationAdmin admin) {
        ConfigurationInstaller installer = new ConfigurationInstaller(admin);
        try {
            if (Boolean.parseBoolean(context.getProperty(DEMO_PROPERTY))) {
                startDemo(context, installer);
            } else {
                int removed = installer.remove(DEMO);
                if (removed > 0) {
                    LOG.info("Demo profile off: removed its {} widget configurations", removed);
                }
                installDefaultsOnFirstRun(context, installer);
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            // The mirror runs without its demo or defaults; it must not fail to start for them.
            LOG.error("Bundled widget configurations not applied: {}", e.toString());
        }
    }

    private void startDemo(BundleContext context, ConfigurationInstaller installer) throws IOException {
        demo = new DemoServer(Clock.systemDefaultZone(), ZoneId.systemDefault());
        List<String> pids = installer.install(DEMO, ConfigurationInstaller.read(context.getBundle(), "demo/configs",
                Map.of("demo", demo.base().toString())));
        LOG.info("Demo profile on: sample data served at {} (loopback only), {} widgets configured", demo.base(),
                pids.size());
    }

    private static void installDefaultsOnFirstRun(BundleContext context, ConfigurationInstaller installer)
            throws IOException {
        String home = context.getProperty("mirror.home");
        if (home == null || "false".equalsIgnoreCase(context.getProperty(DEFAULTS_PROPERTY))) {
            return;
        }
        Path marker = Path.of(home).resolve(DEFAULTS_MARKER);
        if (Files.exists(marker)) {
            return;
        }
        String note;
        if (installer.anyOf(WIDGET_FACTORY_PIDS)) {
            note = "not installed: widget configurations existed already";
        } else {
            List<String> pids = installer.install(DEFAULTS, ConfigurationInstaller.read(context.getBundle(),
                    "defaults/configs", Map.of()));
            note = "installed " + String.join(", ", pids);
            LOG.info("First start: installed the default configuration ({} widgets with public sources; edit or "
                    + "delete them under OSGi > Configuration)", pids.size());
        }
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, Instant.now() + " " + note + "\n", StandardCharsets.UTF_8);
    }

    @Deactivate
    void deactivate() {
        if (demo != null) {
            demo.close();
        }
    }
}
