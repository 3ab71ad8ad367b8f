package org.campusmirror.mirror.runtime.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Typed configurations as DS hands them to a component: a key missing from the map gives the annotation's default,
 * and a value is converted when its method is called, throwing for one that does not convert (an unknown option, a
 * word for a number).
 */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static <A> A create(Class<A> type, Map<String, ?> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> value(method, values)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Method method, Map<String, ?> values) {
        if (!values.containsKey(method.getName())) {
            return method.getDefaultValue();
        }
        Object raw = values.get(method.getName());
        Class<?> type = method.getReturnType();
        if (raw instanceof String text && type.isEnum()) {
            return Enum.valueOf((Class<Enum>) type, text);
        }
        if (raw instanceof String text && type == int.class) {
            return Integer.valueOf(text);
        }
        return raw;
    }
}
