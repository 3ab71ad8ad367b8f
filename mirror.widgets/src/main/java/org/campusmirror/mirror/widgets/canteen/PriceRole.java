package org.campusmirror.mirror.widgets.canteen;

import java.math.BigDecimal;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whose price the tile shows. OpenMensa feeds spell the keys in the plural ({@code students}) or the singular
 * ({@code student}); {@code null} means the meal is not offered to that group.
 */
public enum PriceRole {
    STUDENTS("students", "student"),
    EMPLOYEES("employees", "employee"),
    PUPILS("pupils", "pupil"),
    OTHERS("others", "other");

    private final String plural;
    private final String singular;

    PriceRole(String plural, String singular) {
        this.plural = plural;
        this.singular = singular;
    }

    /** The setting's value, e.g. {@code students}. */
    public String id() {
        return plural;
    }

    /** Reads {@code students}, {@code student} or {@code STUDENTS}; null when unknown. */
    static PriceRole parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (PriceRole role : values()) {
            if (role.plural.equals(key) || role.singular.equals(key)) {
                return role;
            }
        }
        return null;
    }

    /** This group's price in a meal's {@code prices} object, or null when absent, null or not a number. */
    BigDecimal priceIn(JsonNode prices) {
        JsonNode value = prices.get(plural);
        if (value == null || value.isNull()) {
            value = prices.get(singular);
        }
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.asText().strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
