package org.campusmirror.mirror.runtime.internal.display;

import java.util.List;

import org.campusmirror.mirror.runtime.internal.alerts.Alert;
import org.campusmirror.mirror.runtime.internal.layout.Layout;

/**
 * Everything a display shows, as of change {@code seq}: what a new display gets first.
 *
 * @param seq    the number of the last change included; later changes have higher numbers
 * @param layout pages, locale and time zone
 * @param page   the page shown now
 * @param asleep whether the display is blank
 * @param alerts the alerts shown
 * @param tiles  every tile, in the order they appeared
 */
public record DisplaySnapshot(long seq, Layout layout, String page, boolean asleep, List<Alert> alerts,
        List<Tile> tiles) {
    public DisplaySnapshot {
        alerts = List.copyOf(alerts);
        tiles = List.copyOf(tiles);
    }
}
