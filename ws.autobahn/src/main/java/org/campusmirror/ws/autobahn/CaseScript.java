package org.campusmirror.ws.autobahn;

/**
 * The script of one case for one run, after the suite's {@code Case} class: what the peer sends
 * ({@link #onOpen}, timers), what it records, and how it grades. Subclasses live in the group files.
 */
abstract class CaseScript {
}
