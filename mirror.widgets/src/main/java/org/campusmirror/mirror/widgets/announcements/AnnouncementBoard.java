package org.campusmirror.mirror.widgets.announcements;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The announcements of this mirror, from every source. The widgets bundle provides it as a service; the console's
 * announcement configurations and other bundles (a fleet connector) publish to it. Thread-safe; no method blocks.
 */
@ProviderType
public interface AnnouncementBoard {

    /** Adds the announcement, or replaces the one with the same id. An urgent one is raised as an alert while active. */
    void publish(Announcement announcement);

    /** Removes the announcement with this id, and clears its alert; nothing happens if there is none. */
    void withdraw(String id);

    /** The announcements active at {@code now}: urgent first, then important, then normal; newer first within each. */
    List<Announcement> active(Instant now);

    /** Every announcement on the board, active or not. */
    List<Announcement> all();
}
