package org.campusmirror.mirror.widgets.news;

import java.time.Instant;
import java.util.Objects;

/**
 * One news item as the tile shows it: plain text only.
 *
 * @param title     the item's title, HTML stripped
 * @param summary   the description or summary, HTML stripped and shortened; empty when there is none
 * @param source    the feed's title
 * @param published when it was published (or updated); null when the feed gives no date
 */
public record Headline(String title, String summary, String source, Instant published) {
    public Headline {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(source, "source");
    }
}
