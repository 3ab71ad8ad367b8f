package org.campusmirror.mirror.widgets.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who not to ask for a while: per host (network errors, 429, 503) and per URL (other 5xx, 408). After n failures
 * in a row the wait is {@code base * 2^(n-1)}, at most {@code max}; a {@code Retry-After} replaces it. A success
 * clears the URL and its host.
 */
final class Backoff {
    private static final int PRUNE_ABOVE = 1000;

    private record State(int failures, Instant until, String lastFailure) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Duration base;
    private final Duration max;
    private final Clock clock;

    Backoff(Duration base, Duration max, Clock clock) {
        this.base = base;
        this.max = max;
        this.clock = clock;
    }

    /** Throws when the URL or its host is still waiting. */
    void check(URI uri) throws BackingOffException {
        Instant now = clock.instant();
        for (String key : new String[] {HttpUrls.origin(uri), uri.toString()}) {
            State state = states.get(key);
            if (state != null && now.isBefore(state.until())) {
                String target = key.equals(uri.toString()) ? HttpUrls.forDisplay(uri) : key;
                throw new BackingOffException(target, state.until(), state.failures(), state.lastFailure());
            }
        }
    }

    void succeeded(URI uri) {
        states.remove(HttpUrls.origin(uri));
        states.remove(uri.toString());
    }

    void hostFailed(URI uri, String reason, Instant retryAt) {
        record(HttpUrls.origin(uri), reason, retryAt);
    }

    void urlFailed(URI uri, String reason) {
        record(uri.toString(), reason, null);
    }

    private void record(String key, String reason, Instant retryAt) {
        Instant now = clock.instant();
        if (states.size() > PRUNE_ABOVE) {
            states.values().removeIf(state -> !now.isBefore(state.until()));
        }
        states.compute(key, (k, old) -> {
            int failures = old == null ? 1 : Math.min(old.failures() + 1, 1000);
            Instant until = retryAt != null ? retryAt : now.plus(delay(failures));
            return new State(failures, until, reason);
        });
    }

    Duration delay(int failures) {
        Duration delay = base;
        for (int i = 1; i < failures && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
