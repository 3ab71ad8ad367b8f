package org.campusmirror.mirror.widgets.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code Content-Type} value (RFC 9110 section 8.3): type, subtype and parameters, compared without case.
 *
 * @param type       e.g. {@code application}; empty when the header was missing or unreadable
 * @param subtype    e.g. {@code json}
 * @param parameters lower-case names, values unquoted, e.g. {@code charset=utf-8}
 */
public record MediaType(String type, String subtype, Map<String, String> parameters) {
    /** What a missing or unreadable header gives. */
    public static final MediaType NONE = new MediaType("", "", Map.of());

    public MediaType {
        type = type.toLowerCase(Locale.ROOT);
        subtype = subtype.toLowerCase(Locale.ROOT);
        parameters = Map.copyOf(parameters);
    }

    /** Parses a header value; null, blank or malformed gives {@link #NONE}. */
    public static MediaType parse(String header) {
        if (header == null) {
            return NONE;
        }
        String[] parts = header.split(";");
        String essence = parts[0].strip();
        int slash = essence.indexOf('/');
        if (slash <= 0 || slash == essence.length() - 1) {
            return NONE;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0) {
                String name = parts[i].substring(0, equals).strip().toLowerCase(Locale.ROOT);
                String value = parts[i].substring(equals + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                parameters.putIfAbsent(name, value);
            }
        }
        return new MediaType(essence.substring(0, slash).strip(), essence.substring(slash + 1).strip(), parameters);
    }

    /**
     * Whether this type is one of {@code ranges}: {@code application/json}, {@code text/*}, {@code *}{@code /*},
     * or a structured-syntax suffix such as {@code +json} (RFC 6838 section 4.2.8).
     */
    public boolean isAnyOf(String... ranges) {
        for (String range : ranges) {
            String wanted = range.toLowerCase(Locale.ROOT).strip();
            if (wanted.startsWith("+") ? subtype.endsWith(wanted) : matches(wanted)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(String range) {
        if (range.equals("*/*")) {
            return true;
        }
        int slash = range.indexOf('/');
        String wantedType = range.substring(0, Math.max(slash, 0));
        String wantedSubtype = range.substring(slash + 1);
        return wantedType.equals(type) && (wantedSubtype.equals("*") || wantedSubtype.equals(subtype));
    }

    /** The declared charset, if there is one the JVM knows. */
    public Optional<Charset> charset() {
        String name = parameters.get("charset");
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(name.strip()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** {@code type/subtype}, or {@code none} for {@link #NONE}. */
    public String essence() {
        return type.isEmpty() ? "none" : type + "/" + subtype;
    }

    @Override
    public String toString() {
        return essence();
    }
}
