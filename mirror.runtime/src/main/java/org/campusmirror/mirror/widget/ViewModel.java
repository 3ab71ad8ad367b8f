package org.campusmirror.mirror.widget;

import java.time.Instant;
import java.util.Objects;

/**
 * What a refresh returns: the data a tile shows, and the time the data is valid for. The runtime sends the data to
 * every display as JSON, caches it on disk as the last good data, and the widget kind's renderer turns it into
 * DOM. It is plain data, never HTML: text in it is shown as text.
 *
 * <p>{@code data} may hold, nested as deep as needed: {@code null}, {@link String}, {@link Boolean}, any
 * {@link Number}, {@link Character}, an enum (its name), {@link java.time.Instant},
 * {@link java.time.OffsetDateTime}, {@link java.time.ZonedDateTime}, {@link java.time.LocalDate},
 * {@link java.time.LocalTime}, {@link java.time.LocalDateTime}, {@link java.time.Duration} (ISO-8601 strings),
 * {@link java.util.Optional} (its value or null), a record (an object of its components), a {@link java.util.Map}
 * with {@link String} keys, a {@link java.util.Collection} or an array (a list). Anything else is refused and the
 * tile shows an error naming the type. Floating-point NaN and infinities become null.
 *
 * @param data  the tile's data, e.g. a record
 * @param asOf  when the data was current at its source (a feed's time stamp, or the fetch time); the runtime shows
 *              the age of stale data from it
 */
public record ViewModel(Object data, Instant asOf) {
    public ViewModel {
        Objects.requireNonNull(asOf, "asOf");
    }

    /** Data current as of {@code now} (use the context's clock, so tests can pin it). */
    public static ViewModel of(Object data, Instant now) {
        return new ViewModel(data, now);
    }
}
