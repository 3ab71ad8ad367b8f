package org.campusmirror.mirror.runtime.internal.display;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One tile as every display shows it.
 *
 * @param id       {@code data-widget-id}: the widget's sanitized PID or component name
 * @param kind     {@code data-widget-kind}, which names the renderer
 * @param title    shown above the data, as text; empty for none
 * @param region   the region id ({@code top_left}, ...)
 * @param pages    the pages it shows on; empty for every page
 * @param state    loading, ok, stale or error
 * @param error    the message shown in error or stale state, else null
 * @param asOf     when the data was current, or null without data
 * @param dataJson the view model's data as JSON, or null (loading, error)
 * @param renderer changes when the widget's bundle changes, so the page loads a new renderer module
 */
public record Tile(String id, String kind, String title, String region, List<String> pages, TileState state,
        String error, Instant asOf, String dataJson, String renderer) {
    public Tile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        pages = List.copyOf(pages);
        title = title == null ? "" : title;
    }

    /**
     * Whether a display would show the same: the data's time stamp counts only when it is shown (stale data shows
     * its age), so an unchanged refresh of a fresh tile sends nothing.
     */
    public boolean looksLike(Tile other) {
        boolean ageShown = state == TileState.STALE;
        return other != null && id.equals(other.id) && kind.equals(other.kind) && title.equals(other.title)
                && Objects.equals(region, other.region) && pages.equals(other.pages) && state == other.state
                && Objects.equals(error, other.error) && Objects.equals(dataJson, other.dataJson)
                && Objects.equals(renderer, other.renderer) && (!ageShown || Objects.equals(asOf, other.asOf));
    }
}
