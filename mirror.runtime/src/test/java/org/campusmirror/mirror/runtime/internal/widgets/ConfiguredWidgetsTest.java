package org.campusmirror.mirror.runtime.internal.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.campusmirror.mirror.widget.Widget;
import org.junit.jupiter.api.Test;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

class ConfiguredWidgetsTest {

    private static ComponentDescriptionDTO component(String name, String policy, String[] services, String... pids) {
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        description.name = name;
        description.configurationPolicy = policy;
        description.serviceInterfaces = services;
        description.configurationPid = pids;
        return description;
    }

    @Test
    void everyConfigurationOfAnEnabledWidgetComponentIsAWidgetToWaitFor() {
        String[] widget = {Widget.class.getName()};
        List<ComponentDescriptionDTO> components = List.of(
                component("canteen", "require", widget, "org.example.Canteen"),
                component("clock", "optional", widget, "org.example.Clock"),
                component("disabled", "require", widget, "org.example.Disabled"),
                component("ignores", "ignore", widget, "org.example.Ignores"),
                component("servlet", "require", new String[] {"jakarta.servlet.Servlet"}, "org.example.Servlet"));
        Map<String, List<String>> configurations = Map.of(
                "org.example.Canteen", List.of("org.example.Canteen~mensa", "org.example.Canteen~cafe"),
                "org.example.Clock", List.of("org.example.Clock"),
                "org.example.Disabled", List.of("org.example.Disabled~x"),
                "org.example.Ignores", List.of("org.example.Ignores"),
                "org.example.Servlet", List.of("org.example.Servlet~y"));

        Set<String> ids = ConfiguredWidgets.ids(components, description -> !description.name.equals("disabled"),
                pid -> configurations.getOrDefault(pid, List.of()));

        assertEquals(Set.of("org.example.Canteen~mensa", "org.example.Canteen~cafe", "org.example.Clock"), ids);
    }

    @Test
    void theIdsAreTheOnesTheWidgetsGetOnThePage() {
        ComponentDescriptionDTO description = component("odd", "require", new String[] {Widget.class.getName()}, "odd");
        Set<String> ids = ConfiguredWidgets.ids(List.of(description), any -> true, pid -> List.of("odd pid/1"));
        assertEquals(Set.of(WidgetIds.sanitize("odd pid/1")), ids);
    }
}
