package org.campusmirror.mirror.widgets.occupancy;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * One configured area: {@code name | /pointer/to/value | /pointer/to/capacity} or with a number as the capacity, or
 * without capacity. Pointers are RFC 6901 JSON Pointers.
 *
 * @param index    the entry's position in {@code occupancy.areas}, counted from 1, for messages
 * @param name     what the tile calls it, e.g. "Bibliothek, Lesesaal"
 * @param value    where the current count is
 * @param capacity where the capacity is, or null
 * @param fixed    the capacity as a constant, or null
 */
record Area(int index, String name, JsonPointer value, JsonPointer capacity, Double fixed) {

    /** The entry's label in messages: {@code occupancy.areas[2] (Lesesaal)}. */
    String label() {
        return "occupancy.areas[" + index + "] (" + name + ")";
    }
}
