package org.campusmirror.mirror.widgets.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads {@code Retry-After} (RFC 9110 section 10.2.3): delay seconds or an HTTP date. */
final class RetryAfter {
    private RetryAfter() {
    }

    /**
     * The instant to retry at, clamped to {@code [now, now + max]}, or null when the header is missing or
     * unreadable.
     */
    static Instant parse(String header, Instant now, Duration max) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        Instant at;
        if (value.chars().allMatch(Character::isDigit)) {
            long seconds = value.length() > 12 ? Long.MAX_VALUE : Long.parseLong(value);
            at = seconds >= max.getSeconds() ? now.plus(max) : now.plusSeconds(seconds);
        } else {
            try {
                at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (at.isBefore(now)) {
            return now;
        }
        Instant latest = now.plus(max);
        return at.isAfter(latest) ? latest : at;
    }
}
