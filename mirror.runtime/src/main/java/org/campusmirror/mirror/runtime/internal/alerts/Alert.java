package org.campusmirror.mirror.runtime.internal.alerts;

import java.time.Instant;

/**
 * An alert over every region of every display.
 *
 * @param id     replaces an alert with the same id
 * @param text   shown as text
 * @param textDe the German text, or null
 * @param textEn the English text, or null
 * @param level  {@code info}, {@code warning} or {@code urgent}
 * @param until  when it clears itself, or null
 * @param source who raised it: a bundle's symbolic name, or {@code console}
 */
public record Alert(String id, String text, String textDe, String textEn, String level, Instant until,
        String source) {
}
