package org.campusmirror.mirror.widgets.common;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * A component property type (a DS config annotation) backed by a map, the way DS builds one: property
 * {@code canteen.price.role} for method {@code canteen_price_role()}, the annotation's default when a key is absent.
 */
public final class ConfigProxy {
    private ConfigProxy() {
    }

    /** {@code properties} alternate keys and values: {@code "canteen.id", 1, "canteen.price.role", "employees"}. */
    public static <A> A of(Class<A> type, Object... properties) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            values.put((String) properties[i], properties[i + 1]);
        }
        return of(type, values);
    }

    public static <A> A of(Class<A> type, Map<String, Object> values) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "toString":
                    return type.getSimpleName() + values;
                case "hashCode":
                    return values.hashCode();
                case "equals":
                    return self == args[0];
                default:
                    return value(method, values);
            }
        });
        return type.cast(proxy);
    }

    /** Numbers and text converted to the method's type, as DS converts configuration properties. */
    private static Object coerce(Object value, Class<?> type) {
        if (value instanceof Number number) {
            if (type == int.class) {
                return number.intValue();
            }
            if (type == long.class) {
                return number.longValue();
            }
            if (type == double.class) {
                return number.doubleValue();
            }
        }
        if (value instanceof String text && type.isArray()) {
            return new String[] {text};
        }
        return value;
    }

    private static Object value(Method method, Map<String, Object> values) {
        String key = method.getName().replace('_', '.');
        if (values.containsKey(key)) {
            return coerce(values.get(key), method.getReturnType());
        }
        Object fallback = method.getDefaultValue();
        if (fallback != null) {
            return fallback;
        }
        // DS gives the type's empty value for a missing property without default.
        Class<?> type = method.getReturnType();
        if (type == int.class || type == long.class) {
            return type == int.class ? (Object) 0 : (Object) 0L;
        }
        if (type == double.class) {
            return 0.0;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type.isArray()) {
            return java.lang.reflect.Array.newInstance(type.getComponentType(), 0);
        }
        return null;
    }
}
