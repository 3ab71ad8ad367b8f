package org.campusmirror.mirror.runtime.internal.widgets;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.campusmirror.mirror.widget.Widget;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * The widgets a mirror should show once it has started: one per configuration of an enabled widget component. At
 * the framework's STARTED event Config Admin may not have handed those configurations to Declarative Services yet,
 * so their widgets are not registered; readiness waits for them by the configurations' PIDs, which become their
 * ids ({@link WidgetIds#sanitize}).
 */
final class ConfiguredWidgets {
    /** The PIDs of the configurations of a configuration PID: its own, and those of its factory. */
    interface Configurations {
        List<String> of(String configurationPid);
    }

    private ConfiguredWidgets() {
    }

    /** The ids of the widgets configured for the enabled widget components among {@code descriptions}. */
    static Set<String> ids(Collection<ComponentDescriptionDTO> descriptions,
            Predicate<ComponentDescriptionDTO> enabled, Configurations configurations) {
        Set<String> ids = new LinkedHashSet<>();
        for (ComponentDescriptionDTO description : descriptions) {
            if (description.serviceInterfaces == null || description.configurationPid == null
                    || !Arrays.asList(description.serviceInterfaces).contains(Widget.class.getName())
                    || "ignore".equals(description.configurationPolicy) || !enabled.test(description)) {
                continue;
            }
            for (String pid : description.configurationPid) {
                configurations.of(pid).forEach(configured -> ids.add(WidgetIds.sanitize(configured)));
            }
        }
        return ids;
    }
}
