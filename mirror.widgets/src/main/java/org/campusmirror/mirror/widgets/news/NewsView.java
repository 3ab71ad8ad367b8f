package org.campusmirror.mirror.widgets.news;

import java.util.List;

/**
 * What the news tile shows: headlines the page rotates through on its own clock.
 *
 * @param headlines     newest first; items without a date follow, in their feeds' order
 * @param rotateSeconds how long the page shows each headline
 * @param showSummary   whether the page shows the summary under the title
 * @param notes         feeds that failed or were cut, one line each
 */
public record NewsView(List<Headline> headlines, int rotateSeconds, boolean showSummary, List<String> notes) {
    public NewsView {
        headlines = List.copyOf(headlines);
        notes = List.copyOf(notes);
    }
}
