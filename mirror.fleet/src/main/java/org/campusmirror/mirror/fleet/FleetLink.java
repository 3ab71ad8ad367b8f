package org.campusmirror.mirror.fleet;

import java.io.IOException;

/**
 * The fleet connection of this mirror, as the Fleet console plugin uses it: publish to any topic the broker lets
 * this mirror's user publish to, and hear every mirror's status and events. Registered while the fleet is
 * configured, connected or not.
 */
public interface FleetLink {
    /** Hears statuses and events of every mirror (only after {@link #watch}). */
    interface Watcher {
        void status(String mirrorId, byte[] payload);

        void event(String mirrorId, byte[] payload);
    }

    Topics topics();

    String mirrorId();

    boolean connected();

    /** Publishes with QoS 1; throws when not connected or the broker refuses. */
    void publish(String topic, byte[] payload, boolean retained) throws IOException;

    /** Starts delivering every mirror's status and events to {@code watcher} (subscribing now and on reconnects). */
    void watch(Watcher watcher);

    void unwatch(Watcher watcher);
}
