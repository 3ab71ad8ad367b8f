package org.campusmirror.mirror.runtime.internal.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.campusmirror.mirror.runtime.internal.alerts.Alert;
import org.campusmirror.mirror.runtime.internal.layout.Layout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every display shows: the tiles, the current page, sleep, alerts and the layout. Each change gets the next
 * sequence number and goes to the listeners at once, under the model's lock, so listeners see changes in sequence
 * order and a snapshot taken with {@link #withSnapshot} never misses or reorders a change: a display that gets a
 * snapshot with number n then applies only changes above n. A change that would not alter what a display shows (a
 * refresh with the same data) is not a change. Thread-safe; listeners must be quick (the display push only queues
 * bytes).
 */
public final class DisplayModel {
    /** Gets every change, under the model's lock: no blocking, no calls back into the model. */
    public interface Listener {
        void changed(DisplayChange change);
    }

    private static final Logger LOG = LoggerFactory.getLogger(DisplayModel.class);

    private final Map<String, Tile> tiles = new LinkedHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private Layout layout;
    private String page;
    private boolean asleep;
    private List<Alert> alerts = List.of();
    private long seq;

    public DisplayModel(Layout layout) {
        this.layout = layout;
        this.page = layout.firstPage().name();
    }

    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Listener listener) {
        listeners.remove(listener);
    }

    /** Calls {@code action} with a snapshot while no change can happen, e.g. to send it to a new display. */
    public synchronized <T> T withSnapshot(Function<DisplaySnapshot, T> action) {
        return action.apply(snapshot());
    }

    public synchronized DisplaySnapshot snapshot() {
        return new DisplaySnapshot(seq, layout, page, asleep, alerts, new ArrayList<>(tiles.values()));
    }

    public synchronized Optional<Tile> tile(String id) {
        return Optional.ofNullable(tiles.get(id));
    }

    public synchronized String page() {
        return page;
    }

    public synchronized Layout layout() {
        return layout;
    }

    public synchronized boolean asleep() {
        return asleep;
    }

    /** Adds or replaces the tile with {@code tile.id()}; no change when it would look the same. */
    public synchronized void putTile(Tile tile) {
        if (tile.looksLike(tiles.get(tile.id()))) {
            tiles.put(tile.id(), tile);
            return;
        }
        tiles.put(tile.id(), tile);
        publish(new DisplayChange.TileChanged(++seq, tile));
    }

    public synchronized void removeTile(String id) {
        if (tiles.remove(id) != null) {
            publish(new DisplayChange.TileRemoved(++seq, id));
        }
    }

    /** Shows page {@code name}; false when the layout has no such page. */
    public synchronized boolean showPage(String name) {
        if (layout.page(name).isEmpty()) {
            return false;
        }
        if (!name.equals(page)) {
            page = name;
            publish(new DisplayChange.PageChanged(++seq, page));
        }
        return true;
    }

    /** Returns whether the state changed. */
    public synchronized boolean setAsleep(boolean value) {
        if (asleep == value) {
            return false;
        }
        asleep = value;
        publish(new DisplayChange.SleepChanged(++seq, asleep));
        return true;
    }

    public synchronized void setAlerts(List<Alert> shown) {
        List<Alert> copy = List.copyOf(shown);
        if (!copy.equals(alerts)) {
            alerts = copy;
            publish(new DisplayChange.AlertsChanged(++seq, alerts));
        }
    }

    /** A new layout; the current page stays when the new layout has it, else the first page shows. */
    public synchronized void setLayout(Layout newLayout) {
        String newPage = newLayout.page(page).isPresent() ? page : newLayout.firstPage().name();
        if (Objects.equals(newLayout.pages(), layout.pages()) && newLayout.rotate() == layout.rotate()
                && newLayout.locale().equals(layout.locale()) && newLayout.zone().equals(layout.zone())) {
            layout = newLayout;
            return;
        }
        layout = newLayout;
        page = newPage;
        publish(new DisplayChange.LayoutChanged(++seq, layout, page));
    }

    private void publish(DisplayChange change) {
        for (Listener listener : listeners) {
            try {
                listener.changed(change);
            } catch (RuntimeException e) {
                // One broken listener must not stop the others or the change itself.
                LOG.warn("A display listener failed on change {}", change.seq(), e);
            }
        }
    }
}
