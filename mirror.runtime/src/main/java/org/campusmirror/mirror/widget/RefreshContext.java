package org.campusmirror.mirror.widget;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** What the runtime tells a widget at each refresh. */
@ProviderType
public interface RefreshContext {

    /** The display's locale (configured for the whole mirror, e.g. {@code de-DE}). */
    Locale locale();

    /** The mirror's time zone. */
    ZoneId zone();

    /** The clock to read the time from: the system clock in the mirror, a fixed one in tests. */
    Clock clock();

    /** The last good view model of this widget, from memory or the disk cache, if there is one. */
    Optional<ViewModel> lastGood();

    /** True once the runtime has given up on this call (timeout, widget removed, shutdown): return soon. */
    boolean cancelled();
}
