package org.campusmirror.mirror.runtime;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a button does, whether it is a GPIO button, the console's virtual one, or another bundle. The runtime
 * provides this service; every display follows the result at once. Displays themselves can never call it.
 * Thread-safe; no method blocks.
 */
@ProviderType
public interface MirrorActions {

    /** Shows the next page (wrapping around) and restarts that page's rotation timer. */
    void nextPage();

    /** Shows the previous page (wrapping around) and restarts that page's rotation timer. */
    void previousPage();

    /** Turns the display off (display-power command, blank page). Nothing happens when it is already off. */
    void sleep();

    /** Turns the display on. Nothing happens when it is already on. */
    void wake();

    /** {@link #sleep()} when on, {@link #wake()} when off. */
    void toggleSleep();

    /** Whether the display is off now. */
    boolean asleep();

    /** Sends a named action to every widget ({@code Widget.onAction}), e.g. {@code "next-item"}. */
    void action(String name);
}
