package org.campusmirror.mirror.runtime.internal.display;

import java.util.Locale;

/** What a tile shows: no data yet, fresh data, old data (source down or refresh hung), or an error message. */
public enum TileState {
    LOADING, OK, STALE, ERROR;

    /** The name on the wire and in {@code data-state}: {@code ok}, {@code stale}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
