package org.campusmirror.mirror.runtime.internal.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.campusmirror.mirror.widget.Region;
import org.junit.jupiter.api.Test;

class WidgetDescriptorTest {

    private static Map<String, Object> properties(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void theTypedPropertiesAndTheirConfigurationOverridesAreRead() {
        WidgetDescriptor widget = WidgetDescriptor.of(properties("service.pid", "org.example.Canteen~mensa",
                "component.name", "org.example.Canteen", "widget.kind", "canteen", "widget.title", " Mensa ",
                "widget.region", "TOP_LEFT", "widget.page", new String[] {"main", "food"},
                "widget.refresh.seconds", 600L));
        assertEquals("org.example.Canteen~mensa", widget.id());
        assertEquals("canteen", widget.kind());
        assertEquals("Mensa", widget.title());
        assertEquals(Region.TOP_LEFT, widget.region());
        assertEquals(List.of("main", "food"), widget.pages());
        assertEquals(Duration.ofMinutes(10), widget.interval());
        assertTrue(widget.problems().isEmpty());
    }

    @Test
    void textValuesFromAConsoleFieldWork() {
        WidgetDescriptor widget = WidgetDescriptor.of(properties("component.name", "org.example.Clock",
                "widget.kind", "clock", "widget.region", "top_bar", "widget.page", "main, *",
                "widget.refresh.seconds", "3600"));
        assertEquals("org.example.Clock", widget.id(), "no PID: the component name");
        assertEquals(List.of(), widget.pages(), "* means every page");
        assertEquals(Duration.ofHours(1), widget.interval());
    }

    @Test
    void unusableValuesAreNamedAndTheTileGoesToTheMiddle() {
        WidgetDescriptor widget = WidgetDescriptor.of(properties("service.pid", "p", "widget.kind", "Canteen!",
                "widget.region", "left", "widget.refresh.seconds", "often"));
        assertEquals(WidgetDescriptor.UNKNOWN_KIND, widget.kind());
        assertEquals(Region.MIDDLE_CENTER, widget.region());
        assertEquals(WidgetDescriptor.DEFAULT_INTERVAL, widget.interval());
        assertEquals(3, widget.problems().size(), widget.problems().toString());
        assertTrue(widget.problems().get(1).contains("unknown region 'left'"), widget.problems().toString());
    }

    @Test
    void intervalsAreBoundedAndTitlesCut() {
        assertEquals(WidgetDescriptor.MIN_INTERVAL, WidgetDescriptor.of(properties("widget.kind", "k",
                "widget.refresh.seconds", 0)).interval());
        assertEquals(WidgetDescriptor.MAX_INTERVAL, WidgetDescriptor.of(properties("widget.kind", "k",
                "widget.refresh.seconds", Long.MAX_VALUE)).interval());
        assertEquals(WidgetDescriptor.MAX_TITLE, WidgetDescriptor.of(properties("widget.kind", "k",
                "widget.title", "t".repeat(1000))).title().length());
    }

    @Test
    void idsAreSafeForTheDomAndTheCacheAndKeepDifferentPidsApart() {
        assertEquals("org.example.Canteen~mensa", WidgetIds.sanitize("org.example.Canteen~mensa"));
        String spaced = WidgetIds.sanitize("org.example.Canteen~Mensa Süd");
        assertTrue(spaced.startsWith("org.example.Canteen~Mensa_S_d-"), spaced);
        assertNotEquals(spaced, WidgetIds.sanitize("org.example.Canteen~Mensa_Süd"));
        assertTrue(WidgetIds.isSafe(spaced));
        for (String bad : new String[] {"..", ".", "", "../../etc/passwd", "\"><img src=x>", "x".repeat(500)}) {
            String id = WidgetIds.sanitize(bad);
            assertTrue(WidgetIds.isSafe(id), bad + " -> " + id);
        }
    }

    @Test
    void theFailureOfAComponentIsCutToItsMessage() {
        String felix = """
                org.osgi.service.component.ComponentException: java.lang.reflect.InvocationTargetException
                \tat org.apache.felix.scr.impl.inject.internal.ComponentConstructorImpl.newInstance(ComponentConstructorImpl.java:330)
                \tat org.apache.felix.scr.impl.manager.SingleComponentManager.createImplementationObject(SingleComponentManager.java:286)
                Caused by: java.lang.reflect.InvocationTargetException
                \tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)
                Caused by: org.osgi.service.component.ComponentException: java.lang.NumberFormatException: For input string: "many"
                \tat org.apache.felix.scr.impl.inject.internal.Annotations$Handler.invoke(Annotations.java:477)
                \t... 66 more
                """;
        String message = FailedWidgets.message(felix);
        assertEquals("cannot activate with this configuration: NumberFormatException: For input string: \"many\"",
                message);
        assertEquals("the component failed to activate (see the log)", FailedWidgets.message(null));
    }
}
