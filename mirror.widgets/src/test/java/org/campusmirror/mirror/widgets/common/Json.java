package org.campusmirror.mirror.widgets.common;

import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * View models as JSON the way the ViewModel contract describes it (records as objects, java.time as ISO-8601
 * strings, collections as lists), for feeding renderers in a browser test.
 */
public final class Json {
    private Json() {
    }

    public static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof String || value instanceof TemporalAccessor || value instanceof Enum<?>
                || value instanceof java.time.Duration || value instanceof Character) {
            string(value instanceof Enum<?> e ? e.name() : value.toString(), out);
        } else if (value instanceof Optional<?> optional) {
            write(optional.orElse(null), out);
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            int i = 0;
            for (Object item : list) {
                out.append(i++ == 0 ? "" : ",");
                write(item, out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(i++ == 0 ? "" : ",");
                string(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value.getClass().isRecord()) {
            out.append('{');
            int i = 0;
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                out.append(i++ == 0 ? "" : ",");
                string(component.getName(), out);
                out.append(':');
                try {
                    component.getAccessor().setAccessible(true);
                    write(component.getAccessor().invoke(value), out);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("not view-model data: " + value.getClass());
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
