package org.campusmirror.mirror.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a typed configuration and collects what is wrong instead of stopping at the first problem. DS converts a
 * value when its method is called and throws for one it cannot convert (a word for a number, an unknown option in a
 * file dropped into {@code deploy/}); here that becomes a problem naming the key.
 */
public final class ConfigReader {
    private final List<String> problems = new ArrayList<>();

    /** The value, or null (and a problem) when it cannot be converted. */
    public <T> T read(String key, Supplier<T> getter) {
        try {
            T value = getter.get();
            if (value == null) {
                problems.add(key + " is missing");
            }
            return value;
        } catch (RuntimeException e) {
            problems.add(key + ": " + e.getMessage());
            return null;
        }
    }

    /** An int within {@code min..max}, or null (and a problem). */
    public Integer readInt(String key, Supplier<Integer> getter, int min, int max) {
        Integer value = read(key, getter);
        if (value != null && (value < min || value > max)) {
            problems.add(key + " " + value + " is not " + min + "-" + max);
            return null;
        }
        return value;
    }

    public void problem(String problem) {
        problems.add(problem);
    }

    /** @throws IllegalArgumentException listing every problem, when there is one */
    public void throwIfProblems(String what) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(what + ": " + String.join("; ", problems));
        }
    }
}
