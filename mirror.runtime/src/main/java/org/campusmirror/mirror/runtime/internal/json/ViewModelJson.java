package org.campusmirror.mirror.runtime.internal.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The JSON of a view model's data: exactly the types {@link org.campusmirror.mirror.widget.ViewModel} documents.
 * Anything else is refused with a message naming the type and where it sits ({@code data.items[2].when}), which
 * the tile shows. Text is written as text: the page puts it into the DOM with {@code textContent}. Lone UTF-16
 * surrogates (broken feeds) become U+FFFD, so every message is valid UTF-8.
 */
public final class ViewModelJson {
    /** Nesting deeper than this is refused (and stops self-referencing records). */
    public static final int MAX_DEPTH = 32;
    static final JsonFactory FACTORY = new JsonFactory();

    private ViewModelJson() {
    }

    /** The JSON text of {@code data}. */
    public static String encode(Object data) throws UnsupportedDataException {
        return encode(data, Integer.MAX_VALUE);
    }

    /**
     * The JSON text of {@code data}, refused once it grows beyond {@code maxChars}: encoding stops there, so a
     * widget that returns a list of millions of entries costs the heap at most that much (plus Jackson's buffer).
     */
    public static String encode(Object data, int maxChars) throws UnsupportedDataException {
        BoundedWriter text = new BoundedWriter(maxChars);
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            write(out, data, new StringBuilder("data"), 0);
        } catch (BoundedWriter.FullException e) {
            throw new UnsupportedDataException("too large, more than " + maxChars + " characters of JSON");
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string failed", e);
        }
        return text.toString();
    }

    /** Writes {@code value} as one JSON value. */
    public static void write(JsonGenerator out, Object value) throws IOException, UnsupportedDataException {
        write(out, value, new StringBuilder("data"), 0);
    }

    private static void write(JsonGenerator out, Object value, StringBuilder path, int depth)
            throws IOException, UnsupportedDataException {
        if (depth > MAX_DEPTH) {
            throw new UnsupportedDataException("nested deeper than " + MAX_DEPTH + " levels at " + path);
        }
        if (value == null) {
            out.writeNull();
        } else if (value instanceof CharSequence text) {
            out.writeString(wellFormed(text.toString()));
        } else if (value instanceof Boolean flag) {
            out.writeBoolean(flag);
        } else if (value instanceof Number number) {
            writeNumber(out, number);
        } else if (value instanceof Character character) {
            out.writeString(wellFormed(character.toString()));
        } else if (value instanceof Enum<?> constant) {
            out.writeString(constant.name());
        } else if (isTime(value)) {
            out.writeString(timeText(value));
        } else if (value instanceof Optional<?> optional) {
            write(out, optional.orElse(null), path, depth);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(out, map, path, depth);
        } else if (value instanceof Collection<?> collection) {
            out.writeStartArray();
            int index = 0;
            for (Object element : collection) {
                writeElement(out, element, path, index++, depth);
            }
            out.writeEndArray();
        } else if (value.getClass().isArray()) {
            out.writeStartArray();
            int length = Array.getLength(value);
            for (int index = 0; index < length; index++) {
                writeElement(out, Array.get(value, index), path, index, depth);
            }
            out.writeEndArray();
        } else if (value.getClass().isRecord()) {
            writeRecord(out, (Record) value, path, depth);
        } else {
            throw new UnsupportedDataException(value.getClass().getName() + " at " + path
                    + " is not plain data (use text, numbers, booleans, java.time values, records, maps, lists)");
        }
    }

    private static void writeElement(JsonGenerator out, Object element, StringBuilder path, int index, int depth)
            throws IOException, UnsupportedDataException {
        int mark = path.length();
        path.append('[').append(index).append(']');
        write(out, element, path, depth + 1);
        path.setLength(mark);
    }

    private static void writeMap(JsonGenerator out, Map<?, ?> map, StringBuilder path, int depth)
            throws IOException, UnsupportedDataException {
        out.writeStartObject();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new UnsupportedDataException("map at " + path + " has a key of type "
                        + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()) + "; keys must be text");
            }
            writeField(out, key, entry.getValue(), path, depth);
        }
        out.writeEndObject();
    }

    private static void writeRecord(JsonGenerator out, Record value, StringBuilder path, int depth)
            throws IOException, UnsupportedDataException {
        out.writeStartObject();
        for (RecordComponent component : value.getClass().getRecordComponents()) {
            writeField(out, component.getName(), componentValue(value, component, path), path, depth);
        }
        out.writeEndObject();
    }

    private static Object componentValue(Record value, RecordComponent component, StringBuilder path)
            throws UnsupportedDataException {
        Method accessor = component.getAccessor();
        try {
            // Widget bundles often keep their records package-private: the accessor is public, its class is not.
            accessor.setAccessible(true);
            return accessor.invoke(value);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new UnsupportedDataException("cannot read " + value.getClass().getName() + "." + component.getName()
                    + " at " + path + ": " + e);
        } catch (InvocationTargetException e) {
            throw new UnsupportedDataException(value.getClass().getName() + "." + component.getName() + "() at "
                    + path + " threw " + e.getCause());
        }
    }

    private static void writeField(JsonGenerator out, String name, Object value, StringBuilder path, int depth)
            throws IOException, UnsupportedDataException {
        out.writeFieldName(wellFormed(name));
        int mark = path.length();
        path.append('.').append(name);
        write(out, value, path, depth + 1);
        path.setLength(mark);
    }

    private static void writeNumber(JsonGenerator out, Number number) throws IOException {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte
                || number instanceof AtomicInteger || number instanceof AtomicLong) {
            out.writeNumber(number.longValue());
        } else if (number instanceof BigInteger big) {
            out.writeNumber(big);
        } else if (number instanceof BigDecimal decimal) {
            out.writeNumber(decimal);
        } else {
            double real = number.doubleValue();
            if (Double.isFinite(real)) {
                out.writeNumber(real);
            } else {
                out.writeNull();
            }
        }
    }

    private static boolean isTime(Object value) {
        return value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime
                || value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime
                || value instanceof Duration;
    }

    private static String timeText(Object value) {
        // ZonedDateTime.toString() appends "[Europe/Berlin]", which is not ISO-8601 and which Date.parse refuses.
        return value instanceof ZonedDateTime zoned ? zoned.toOffsetDateTime().toString() : value.toString();
    }

    /** {@code text} with every unpaired surrogate replaced by U+FFFD. */
    public static String wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return replaceLoneSurrogates(text);
            }
        }
        return text;
    }

    private static String replaceLoneSurrogates(String text) {
        StringBuilder fixed = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                fixed.append(c).append(text.charAt(++i));
            } else {
                fixed.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return fixed.toString();
    }
}
