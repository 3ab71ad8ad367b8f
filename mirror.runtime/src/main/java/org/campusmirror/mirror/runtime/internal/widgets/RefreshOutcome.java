package org.campusmirror.mirror.runtime.internal.widgets;

import org.campusmirror.mirror.widget.ViewModel;

/** How one refresh ended, classified as the {@link org.campusmirror.mirror.widget.Widget} javadoc says. */
public sealed interface RefreshOutcome {

    /** New data, with its JSON (encoded on the refresh thread, once). */
    record Fresh(ViewModel model, String json) implements RefreshOutcome {
    }

    /** The source is unavailable (an {@link java.io.IOException}): keep the last good data, marked stale. */
    record Unavailable(String message) implements RefreshOutcome {
    }

    /** The configuration is wrong ({@link org.campusmirror.mirror.widget.WidgetConfigurationException}). */
    record Misconfigured(String message) implements RefreshOutcome {
    }

    /** A bug: anything else the widget threw, or data that is not plain data. */
    record Failed(String message) implements RefreshOutcome {
    }
}
