package org.campusmirror.mirror.fleet;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Dictionary;

/**
 * A configuration read through its metatype annotation, as SCR would hand it to a component, for a class that gets
 * its configuration as a {@code ManagedService}. Names map as in Declarative Services ({@code broker_url} is
 * {@code broker.url}, {@code _password} is {@code .password}); a missing or unreadable value is the annotation's
 * default, so each key and default stays defined once, in the annotation. Types: String, String[], int, long,
 * boolean.
 */
final class ConfigurationValues {
    private ConfigurationValues() {
    }

    static <A> A of(Class<A> type, Dictionary<String, ?> properties) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> type.getSimpleName() + "(configuration)"; // never the values: passwords
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                };
            }
            return value(method, properties.get(key(method.getName())));
        });
        return type.cast(proxy);
    }

    /** The property name of an annotation element, as DS 1.4 maps it. */
    static String key(String element) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (c == '_' && i + 1 < element.length() && element.charAt(i + 1) == '_') {
                key.append('_');
                i++;
            } else if (c == '_') {
                key.append('.');
            } else if (c == '$') {
                if (i + 1 < element.length() && element.charAt(i + 1) == '$') {
                    key.append('$');
                    i++;
                }
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static Object value(Method method, Object raw) {
        Class<?> type = method.getReturnType();
        Object fallback = method.getDefaultValue();
        if (raw == null) {
            return fallback;
        }
        try {
            if (type == String.class) {
                return first(raw).toString();
            }
            if (type == String[].class) {
                return strings(raw);
            }
            if (type == int.class) {
                Object one = first(raw);
                return one instanceof Number number ? number.intValue() : Integer.parseInt(one.toString().strip());
            }
            if (type == long.class) {
                Object one = first(raw);
                return one instanceof Number number ? number.longValue() : Long.parseLong(one.toString().strip());
            }
            if (type == boolean.class) {
                Object one = first(raw);
                return one instanceof Boolean flag ? flag : Boolean.parseBoolean(one.toString().strip());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key(method.getName()) + ": '" + first(raw) + "' is not a number");
        }
        throw new IllegalStateException("no conversion to " + type + " for " + method.getName());
    }

    private static Object first(Object raw) {
        if (raw.getClass().isArray()) {
            return Array.getLength(raw) == 0 ? "" : Array.get(raw, 0);
        }
        if (raw instanceof Collection<?> collection) {
            return collection.isEmpty() ? "" : collection.iterator().next();
        }
        return raw;
    }

    private static String[] strings(Object raw) {
        if (raw.getClass().isArray()) {
            String[] values = new String[Array.getLength(raw)];
            for (int i = 0; i < values.length; i++) {
                values[i] = String.valueOf(Array.get(raw, i));
            }
            return values;
        }
        if (raw instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toArray(String[]::new);
        }
        return new String[] {raw.toString()};
    }
}
