package org.campusmirror.mirror.runtime.internal.display;

import java.time.Instant;

/**
 * A display connected to {@code /mirror}, as the console lists it.
 *
 * @param address   the client's address
 * @param userAgent its {@code User-Agent}, cut to a readable length
 * @param since     when it connected
 * @param preview   whether it is the console's preview (it asks with {@code ?preview})
 */
public record ConnectedDisplay(String address, String userAgent, Instant since, boolean preview) {
    static final int MAX_USER_AGENT = 160;

    static ConnectedDisplay of(String address, String userAgent, Instant since, boolean preview) {
        String agent = userAgent == null ? "" : userAgent.strip();
        return new ConnectedDisplay(address, agent.length() > MAX_USER_AGENT ? agent.substring(0, MAX_USER_AGENT) : agent,
                since, preview);
    }
}
