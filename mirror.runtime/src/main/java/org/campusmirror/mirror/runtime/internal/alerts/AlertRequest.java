package org.campusmirror.mirror.runtime.internal.alerts;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.campusmirror.mirror.runtime.AlertEvents;
import org.campusmirror.mirror.runtime.internal.json.ViewModelJson;

/**
 * An alert raised or cleared, read from the properties of an Event Admin event ({@link AlertEvents}) or of the
 * console's form. Anything a bundle or an admin can send is checked: a missing id, an unknown level, an unreadable
 * time, overlong text are refused (with the reason) or cut, never passed on as they came.
 */
public sealed interface AlertRequest {
    int MAX_ID = 64;
    int MAX_TEXT = 500;
    Set<String> LEVELS = Set.of(AlertEvents.INFO, AlertEvents.WARNING, AlertEvents.URGENT);

    /** Show {@code alert} (replacing one with the same id). */
    record Raise(Alert alert) implements AlertRequest {
    }

    /** Take the alert {@code id} away. */
    record Clear(String id) implements AlertRequest {
    }

    /** Not an alert: {@code reason} says why. */
    record Invalid(String reason) implements AlertRequest {
    }

    /**
     * Reads a request.
     *
     * @param property the value of a property by its {@link AlertEvents} name, or null
     * @param source   who sends it (a bundle's symbolic name, or {@code console})
     */
    static AlertRequest read(Function<String, Object> property, String source) {
        Object idValue = property.apply(AlertEvents.ID);
        String id = idValue == null ? "" : String.valueOf(idValue).strip();
        if (id.isEmpty() || id.length() > MAX_ID || id.chars().anyMatch(Character::isISOControl)) {
            return new Invalid("an alert needs an id of 1-" + MAX_ID + " characters (" + AlertEvents.ID + ")");
        }
        Object clear = property.apply(AlertEvents.CLEAR);
        if (Boolean.TRUE.equals(clear) || "true".equalsIgnoreCase(String.valueOf(clear).strip())) {
            return new Clear(id);
        }
        String text = text(property.apply(AlertEvents.TEXT));
        String textDe = text(property.apply(AlertEvents.TEXT_DE));
        String textEn = text(property.apply(AlertEvents.TEXT_EN));
        if (text == null && textDe == null && textEn == null) {
            return new Invalid("alert '" + id + "' has no text (" + AlertEvents.TEXT + ")");
        }
        Object levelValue = property.apply(AlertEvents.LEVEL);
        String level = levelValue == null || String.valueOf(levelValue).isBlank() ? AlertEvents.INFO
                : String.valueOf(levelValue).strip().toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            return new Invalid("alert '" + id + "': level '" + levelValue + "' is none of info, warning, urgent");
        }
        Instant until;
        try {
            until = instant(property.apply(AlertEvents.UNTIL));
        } catch (DateTimeException | NumberFormatException e) {
            return new Invalid("alert '" + id + "': until '" + property.apply(AlertEvents.UNTIL)
                    + "' is neither epoch milliseconds nor an ISO-8601 instant");
        }
        String shown = text != null ? text : textEn != null ? textEn : textDe;
        return new Raise(new Alert(id, shown, textDe, textEn, level, until, source));
    }

    private static String text(Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        String text = ViewModelJson.wellFormed(String.valueOf(value).strip());
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
    }

    private static Instant instant(Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        if (value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        String text = String.valueOf(value).strip();
        return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text);
    }
}
