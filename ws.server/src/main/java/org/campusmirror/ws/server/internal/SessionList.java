package org.campusmirror.ws.server.internal;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The sessions of one loop (or of one endpoint on one loop), in an array with O(1) add and remove: each
 * session remembers its slot. Confined to the loop's thread. {@link #forEach} tolerates removals of the
 * visited session during the visit.
 */
final class SessionList {
    private Session[] items = new Session[16];
    private int size;
    private final int slot;

    /** @param slot which of a session's slot numbers this list uses (0: loop list, 1: endpoint list) */
    SessionList(int slot) {
        this.slot = slot;
    }

    int size() {
        return size;
    }

    /** The session at {@code index} (below {@link #size()}). */
    Session get(int index) {
        return items[index];
    }

    void add(Session session) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        session.slots[slot] = size;
        items[size++] = session;
    }

    void remove(Session session) {
        int index = session.slots[slot];
        if (index < 0 || index >= size || items[index] != session) {
            return;
        }
        Session last = items[--size];
        items[index] = last;
        last.slots[slot] = index;
        items[size] = null;
        session.slots[slot] = -1;
        if (items.length > 64 && size < items.length / 4) {
            items = Arrays.copyOf(items, items.length / 2); // give memory back after a crowd left
        }
    }

    /** Visits every session; a session may remove itself (or be removed) while visited. */
    void forEach(Consumer<Session> action) {
        for (int i = size - 1; i >= 0; i--) {
            if (i < size) {
                action.accept(items[i]);
            }
        }
    }
}
