package org.campusmirror.mirror.widgets.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.campusmirror.mirror.widget.RefreshContext;
import org.campusmirror.mirror.widget.ViewModel;

/** A refresh context with a pinned clock, as the runtime gives one to each refresh. */
public record TestContext(Locale locale, ZoneId zone, Clock clock) implements RefreshContext {

    public static TestContext at(String instant, ZoneId zone, Locale locale) {
        return new TestContext(locale, zone, Clock.fixed(Instant.parse(instant), zone));
    }

    @Override
    public Optional<ViewModel> lastGood() {
        return Optional.empty();
    }

    @Override
    public boolean cancelled() {
        return false;
    }
}
