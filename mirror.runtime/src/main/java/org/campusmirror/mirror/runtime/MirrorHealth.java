package org.campusmirror.mirror.runtime;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How this mirror is doing, for whoever reports it elsewhere (the fleet's status message). The runtime provides
 * this service. Thread-safe; no method blocks.
 */
@ProviderType
public interface MirrorHealth {

    /**
     * One look at the widgets and displays.
     *
     * @param widgetsOk      widgets showing fresh data
     * @param widgetsStale   widgets showing old data (source down, refresh hung, or from the offline cache)
     * @param widgetsError   widgets showing an error, or whose configuration failed to activate
     * @param widgetsLoading widgets without data yet
     * @param displays       displays connected to {@code /mirror} now
     * @param inError        the ids of the widgets in error
     */
    record Health(int widgetsOk, int widgetsStale, int widgetsError, int widgetsLoading, int displays,
            List<String> inError) {
        public Health {
            inError = List.copyOf(inError);
        }
    }

    /** The health at this moment. */
    Health now();
}
