package org.campusmirror.mirror.runtime.internal.input;

import java.util.regex.Pattern;

import org.campusmirror.mirror.runtime.MirrorActions;

/** What a press does. */
public enum ButtonAction {
    NEXT_PAGE,
    PREVIOUS_PAGE,
    TOGGLE_SLEEP,
    SLEEP,
    WAKE,
    /** Sends the configured action name to every widget ({@link MirrorActions#action}). */
    NAMED_ACTION,
    /** Nothing (a press still counts as someone being there). */
    NONE;

    /** The names MirrorActions accepts. */
    static final Pattern ACTION_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Whether the action is about the display's sleep itself; any other press on a sleeping display wakes it. */
    boolean switchesSleep() {
        return this == TOGGLE_SLEEP || this == SLEEP || this == WAKE;
    }

    void perform(MirrorActions actions, String name) {
        switch (this) {
            case NEXT_PAGE -> actions.nextPage();
            case PREVIOUS_PAGE -> actions.previousPage();
            case TOGGLE_SLEEP -> actions.toggleSleep();
            case SLEEP -> actions.sleep();
            case WAKE -> actions.wake();
            case NAMED_ACTION -> actions.action(name);
            case NONE -> { }
        }
    }
}
