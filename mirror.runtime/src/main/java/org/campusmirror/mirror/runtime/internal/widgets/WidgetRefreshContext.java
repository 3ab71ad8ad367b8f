package org.campusmirror.mirror.runtime.internal.widgets;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.campusmirror.mirror.runtime.internal.layout.Layout;
import org.campusmirror.mirror.widget.RefreshContext;
import org.campusmirror.mirror.widget.ViewModel;

/** The context of one refresh: the display's layout as it was when the call started. */
record WidgetRefreshContext(Layout layout, Clock clock, Optional<ViewModel> lastGood, BooleanSupplier cancelledFlag)
        implements RefreshContext {

    @Override
    public Locale locale() {
        return layout.locale();
    }

    @Override
    public ZoneId zone() {
        return layout.zone();
    }

    @Override
    public boolean cancelled() {
        return cancelledFlag.getAsBoolean();
    }
}
