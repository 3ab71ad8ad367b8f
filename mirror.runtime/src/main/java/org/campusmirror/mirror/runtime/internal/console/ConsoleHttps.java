package org.campusmirror.mirror.runtime.internal.console;

import java.util.OptionalInt;

/** The console's HTTPS port as it is open right now, for redirecting plain-HTTP console requests to it. */
interface ConsoleHttps {
    /** The port HTTPS listens on; empty while it is not listening. */
    OptionalInt port();
}
