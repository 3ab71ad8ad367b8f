package org.campusmirror.ws.protocol;

/** Where a fragment stands in a message sent in parts (RFC 6455 section 5.4): it decides opcode, FIN and RSV. */
enum FragmentPosition {
    /** The first frame: the message's opcode, extension RSV bits, no FIN. */
    FIRST,
    /** A continuation frame without FIN. */
    MIDDLE,
    /** The final continuation frame. */
    LAST,
    /** First and final at once: the message's opcode and FIN. */
    ONLY;

    static FragmentPosition of(boolean first, boolean last) {
        return first ? (last ? ONLY : FIRST) : (last ? LAST : MIDDLE);
    }

    boolean isFirst() {
        return this == FIRST || this == ONLY;
    }

    boolean isLast() {
        return this == LAST || this == ONLY;
    }
}
