package org.campusmirror.mirror.runtime.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.campusmirror.mirror.runtime.Readiness;

/**
 * Counts which named parts are up and calls back once, the first time all required parts are up at the same
 * time. Several announcers of one part are counted, so the part stays up until the last one goes. Thread-safe.
 */
final class ReadinessTracker {
    private final Set<String> required;
    private final Consumer<Set<String>> onReady;
    private final Map<String, Integer> upCounts = new HashMap<>();
    private boolean announced;

    /** @param onReady called once, outside the lock, with the required parts */
    ReadinessTracker(Set<String> required, Consumer<Set<String>> onReady) {
        if (required.isEmpty()) {
            throw new IllegalArgumentException("at least one ready part is required");
        }
        this.required = Collections.unmodifiableSet(new LinkedHashSet<>(required));
        this.onReady = onReady;
    }

    /** Parses {@value Readiness#PARTS_PROPERTY}: comma-separated names; null or blank means the default. */
    static Set<String> parseParts(String value) {
        String source = value == null || value.isBlank() ? Readiness.DEFAULT_PARTS : value;
        Set<String> parts = new LinkedHashSet<>();
        Arrays.stream(source.split(",")).map(String::strip).filter(part -> !part.isEmpty()).forEach(parts::add);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(Readiness.PARTS_PROPERTY + "=" + value + " names no part");
        }
        return parts;
    }

    Set<String> required() {
        return required;
    }

    void up(String part) {
        boolean readyNow;
        synchronized (this) {
            upCounts.merge(part, 1, Integer::sum);
            readyNow = !announced && missingLocked().isEmpty();
            announced |= readyNow;
        }
        if (readyNow) {
            onReady.accept(required);
        }
    }

    synchronized void down(String part) {
        upCounts.computeIfPresent(part, (name, count) -> count > 1 ? count - 1 : null);
    }

    synchronized Set<String> missing() {
        return missingLocked();
    }

    synchronized boolean announced() {
        return announced;
    }

    private Set<String> missingLocked() {
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(upCounts.keySet());
        return missing;
    }
}
