package org.campusmirror.mirror.widgets.clock;

import org.campusmirror.mirror.widget.RefreshContext;

/** Clock data for tests in other packages (the renderer test). */
public final class ClockFixtures {
    private ClockFixtures() {
    }

    /** A 24-hour clock with seconds in the mirror's zone. */
    public static ClockView view(RefreshContext context) throws Exception {
        return (ClockView) new ClockWidget(ClockWidgetTest.config("", "24h", true, "top_right")).refresh(context)
                .data();
    }
}
