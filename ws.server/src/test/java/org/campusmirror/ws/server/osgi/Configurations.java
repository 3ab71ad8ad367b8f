package org.campusmirror.ws.server.osgi;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A typed configuration as Declarative Services hands it to a component, for tests without a framework: each
 * method answers the value configured under its key (the method name with {@code _} as {@code .}), converted
 * from a string where needed, or its default.
 */
final class Configurations {
    private Configurations() {
    }

    static <T> T of(Class<T> type, Map<String, ?> configured) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() + configured : null;
            }
            Object value = configured.get(method.getName().replace('_', '.'));
            return value == null ? method.getDefaultValue() : convert(value, method);
        });
        return type.cast(proxy);
    }

    private static Object convert(Object value, Method method) {
        Class<?> wanted = method.getReturnType();
        String text = value.toString().strip();
        if (wanted == String.class) {
            return value.toString();
        } else if (wanted == int.class) {
            return value instanceof Number n ? n.intValue() : Integer.parseInt(text);
        } else if (wanted == long.class) {
            return value instanceof Number n ? n.longValue() : Long.parseLong(text);
        } else if (wanted == boolean.class) {
            return value instanceof Boolean b ? b : Boolean.parseBoolean(text);
        } else if (wanted == String[].class) {
            return value instanceof String[] array ? array : new String[] {text};
        }
        throw new IllegalArgumentException("no conversion to " + wanted + " for " + method.getName());
    }
}
