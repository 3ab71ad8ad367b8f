package org.campusmirror.mirror.runtime.internal.widgets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.campusmirror.mirror.widget.Widget;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * Widget components that Declarative Services could not activate, most often because of their configuration (a
 * value of the wrong type, a check in the constructor): they provide no service, so only the component runtime's
 * DTOs tell of them. Each becomes an error tile with the failure's message, never its stack trace.
 */
final class FailedWidgets {
    private static final Pattern QUALIFIED_EXCEPTION = Pattern.compile("(?:[a-z_][a-z0-9_]*\\.)+([A-Z]\\w*(?:Exception|Error))(?=:|$)");
    /** A widget component configuration in {@code FAILED_ACTIVATION}. */
    record FailedWidget(WidgetDescriptor descriptor, String bundle, String failure) {
    }

    private FailedWidgets() {
    }

    static List<FailedWidget> find(ServiceComponentRuntime runtime) {
        List<FailedWidget> failed = new ArrayList<>();
        for (ComponentDescriptionDTO description : runtime.getComponentDescriptionDTOs()) {
            if (!Arrays.asList(description.serviceInterfaces).contains(Widget.class.getName())) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : runtime.getComponentConfigurationDTOs(description)) {
                if (configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    Map<String, Object> properties = new HashMap<>(configuration.properties);
                    properties.putIfAbsent("component.name", description.name);
                    failed.add(new FailedWidget(WidgetDescriptor.of(properties), description.bundle.symbolicName,
                            message(configuration.failure)));
                }
            }
        }
        return failed;
    }

    /**
     * The one line of a failure (Felix SCR gives a whole stack trace) that tells an admin most: the message of the
     * innermost cause, without the exception class when it is one of ours or the component runtime's wrapper.
     */
    static String message(String failure) {
        if (failure == null || failure.isBlank()) {
            return "the component failed to activate (see the log)";
        }
        String best = null;
        for (String line : failure.split("\\R")) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("at ") || text.startsWith("...")) {
                continue;
            }
            if (best == null || text.startsWith("Caused by:")) {
                best = text;
            }
        }
        if (best == null) {
            return "the component failed to activate (see the log)";
        }
        best = strip(best, "Caused by:");
        for (String wrapper : List.of("org.osgi.service.component.ComponentException:",
                "org.campusmirror.mirror.widget.WidgetConfigurationException:")) {
            best = strip(best, wrapper);
        }
        // "java.lang.NumberFormatException: For input string: "many"" reads better without the package.
        Matcher exception = QUALIFIED_EXCEPTION.matcher(best);
        if (exception.lookingAt()) {
            best = "cannot activate with this configuration: " + exception.group(1) + best.substring(exception.end());
        }
        return WidgetRefresh.oneLine(best, new IllegalStateException("the component failed to activate"));
    }

    private static String strip(String text, String prefix) {
        return text.startsWith(prefix) ? text.substring(prefix.length()).strip() : text;
    }
}
