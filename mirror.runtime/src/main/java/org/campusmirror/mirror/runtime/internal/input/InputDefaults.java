package org.campusmirror.mirror.runtime.internal.input;

import java.io.File;
import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the mirror's first start, creates the three buttons of the wiring table (next page on BCM 17, previous page on
 * BCM 27, sleep/wake on BCM 22) as configurations, so a mirror wired by the table works at once; the admin edits or
 * deletes them in the console. It happens once: a marker in this bundle's data area remembers it, so deleted
 * buttons stay deleted, and it never happens while any button configuration exists. The motion sensor has no such
 * default (see {@link MotionConfig}).
 */
@Component(immediate = true, service = {})
public final class InputDefaults {
    static final String MARKER = "default-buttons-created";
    private static final Logger LOG = LoggerFactory.getLogger(InputDefaults.class);

    /** name, BCM pin, short press. */
    private static final Object[][] DEFAULT_BUTTONS = {
        {"next", 17, ButtonAction.NEXT_PAGE},
        {"previous", 27, ButtonAction.PREVIOUS_PAGE},
        {"sleep", 22, ButtonAction.TOGGLE_SLEEP},
    };

    @Activate
    public InputDefaults(BundleContext context, @Reference ConfigurationAdmin configurationAdmin) {
        File marker = context.getDataFile(MARKER);
        if (marker == null || marker.exists()) {
            return;
        }
        try {
            if (configurationAdmin.listConfigurations("(service.factoryPid=" + ButtonConfig.PID + ")") == null) {
                for (Object[] button : DEFAULT_BUTTONS) {
                    create(configurationAdmin, (String) button[0], (Integer) button[1], (ButtonAction) button[2]);
                }
                LOG.info("Created the default buttons: next page BCM 17, previous page BCM 27, sleep/wake BCM 22");
            }
            if (!marker.createNewFile()) {
                LOG.warn("Could not create {}; the default buttons may come back at the next start", marker);
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Could not create the default buttons: {}", e.toString());
        }
    }

    private static void create(ConfigurationAdmin configurationAdmin, String name, int pin, ButtonAction shortPress)
            throws IOException {
        Configuration configuration = configurationAdmin.getFactoryConfiguration(ButtonConfig.PID, name);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", name);
        properties.put("pin", pin);
        properties.put("shortPress", shortPress.name());
        configuration.update(properties);
    }
}
