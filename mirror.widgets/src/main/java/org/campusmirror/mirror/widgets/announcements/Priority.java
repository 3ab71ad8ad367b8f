package org.campusmirror.mirror.widgets.announcements;

/** How an announcement is shown. */
public enum Priority {
    /** In the ticker. */
    NORMAL,
    /** In the ticker, marked. */
    IMPORTANT,
    /** In the ticker and as an alert over every display while it is active. */
    URGENT
}
