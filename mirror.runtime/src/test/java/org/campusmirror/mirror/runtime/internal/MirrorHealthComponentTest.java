package org.campusmirror.mirror.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.campusmirror.mirror.runtime.MirrorHealth.Health;
import org.campusmirror.mirror.runtime.internal.display.TileState;
import org.campusmirror.mirror.runtime.internal.widgets.WidgetDescriptor;
import org.campusmirror.mirror.runtime.internal.widgets.WidgetStatus;
import org.campusmirror.mirror.widget.Region;
import org.junit.jupiter.api.Test;

class MirrorHealthComponentTest {

    private static WidgetStatus status(String id, TileState state, boolean activated) {
        WidgetDescriptor descriptor = new WidgetDescriptor(id, id, "clock", "", Region.values()[0], List.of("*"),
                Duration.ofMinutes(1), List.of());
        return new WidgetStatus(descriptor, "bundle", state, null, null, false, null, null, null, null, null,
                activated);
    }

    @Test
    void countsEachStateAndNamesTheWidgetsInError() {
        Health health = MirrorHealthComponent.of(List.of(status("a", TileState.OK, true),
                status("b", TileState.OK, true), status("c", TileState.STALE, true),
                status("d", TileState.ERROR, true), status("e", TileState.LOADING, false),
                status("f", TileState.LOADING, true)), 3);
        assertEquals(new Health(2, 1, 2, 1, 3, List.of("d", "e")), health);
    }
}
