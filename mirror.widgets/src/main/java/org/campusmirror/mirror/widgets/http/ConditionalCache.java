package org.campusmirror.mirror.widgets.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last body of each URL that came with an {@code ETag} or {@code Last-Modified}, so the next request can be
 * conditional and a 304 can give the body back. Bounded by the sum of the bodies; least recently used go first.
 */
final class ConditionalCache {
    record Entry(URI uri, int status, byte[] body, HttpHeaders headers, String etag, String lastModified) {
        long size() {
            return body.length + 512L;
        }
    }

    private final long capacity;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long used;

    ConditionalCache(long capacity) {
        this.capacity = capacity;
    }

    synchronized Entry get(String key) {
        return entries.get(key);
    }

    /** Keeps the entry unless it is larger than half the capacity (one feed must not push out all others). */
    synchronized void put(String key, Entry entry) {
        remove(key);
        if (entry.size() > capacity / 2) {
            return;
        }
        entries.put(key, entry);
        used += entry.size();
        Iterator<Entry> eldest = entries.values().iterator();
        while (used > capacity && eldest.hasNext()) {
            used -= eldest.next().size();
            eldest.remove();
        }
    }

    synchronized void remove(String key) {
        Entry old = entries.remove(key);
        if (old != null) {
            used -= old.size();
        }
    }

    synchronized long usedBytes() {
        return used;
    }
}
