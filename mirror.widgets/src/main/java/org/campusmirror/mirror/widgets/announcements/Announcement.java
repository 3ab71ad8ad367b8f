package org.campusmirror.mirror.widgets.announcements;

import java.time.Instant;
import java.util.Objects;

/**
 * One announcement. Texts are plain text; the display shows them as text.
 *
 * @param id       identifies it on the board: publishing the same id again replaces it
 * @param textDe   the German text (may be empty when {@code textEn} is not)
 * @param textEn   the English text (may be empty when {@code textDe} is not)
 * @param start    from when it shows; null for at once
 * @param end      until when it shows (exclusive); null for until withdrawn
 * @param priority how it shows
 * @param source   who published it, e.g. {@code console} or {@code fleet}, for the console
 */
public record Announcement(String id, String textDe, String textEn, Instant start, Instant end, Priority priority,
                           String source) {
    /** Longer texts do not fit a ticker read from two metres. */
    public static final int MAX_TEXT = 500;

    public Announcement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(priority, "priority");
        textDe = textDe == null ? "" : textDe.strip();
        textEn = textEn == null ? "" : textEn.strip();
        source = source == null ? "" : source;
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is blank");
        }
        if (textDe.isEmpty() && textEn.isEmpty()) {
            throw new IllegalArgumentException("announcement " + id + " has no text");
        }
        if (textDe.length() > MAX_TEXT || textEn.length() > MAX_TEXT) {
            throw new IllegalArgumentException("announcement " + id + ": texts have at most " + MAX_TEXT
                    + " characters");
        }
        if (start != null && end != null && !end.isAfter(start)) {
            throw new IllegalArgumentException("announcement " + id + " ends (" + end + ") before it starts ("
                    + start + ")");
        }
    }

    /** Whether it shows at {@code now}: start inclusive, end exclusive. */
    public boolean activeAt(Instant now) {
        return (start == null || !now.isBefore(start)) && (end == null || now.isBefore(end));
    }
}
