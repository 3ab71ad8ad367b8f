package org.campusmirror.mirror.runtime;

/**
 * How any bundle raises or clears an alert on every display: post an Event Admin event on {@value #TOPIC} with
 * these properties. An admin does the same from the console. An alert shows as an overlay above every region
 * until it is cleared or its {@value #UNTIL} time passes.
 *
 * <pre>{@code
 * eventAdmin.postEvent(new Event(AlertEvents.TOPIC, Map.of(
 *         AlertEvents.ID, "fire-drill", AlertEvents.TEXT, "Fire drill at 11:00", AlertEvents.LEVEL, "urgent")));
 * eventAdmin.postEvent(new Event(AlertEvents.TOPIC, Map.of(AlertEvents.ID, "fire-drill", AlertEvents.CLEAR, true)));
 * }</pre>
 */
public final class AlertEvents {
    /** The Event Admin topic. */
    public static final String TOPIC = "org/campusmirror/alert";
    /** String, required: identifies the alert; an alert with the same id replaces it. */
    public static final String ID = "id";
    /** String: the text, shown as text (never as HTML). */
    public static final String TEXT = "text";
    /** String, optional: the text in German or English, preferred over {@value #TEXT} for that display locale. */
    public static final String TEXT_DE = "text.de";
    /** See {@link #TEXT_DE}. */
    public static final String TEXT_EN = "text.en";
    /** String, optional: {@value #INFO} (default), {@value #WARNING} or {@value #URGENT}. */
    public static final String LEVEL = "level";
    /** Long (epoch milliseconds) or ISO-8601 instant string, optional: the alert clears itself then. */
    public static final String UNTIL = "until";
    /** Boolean, optional: true clears the alert {@value #ID} instead of raising it. */
    public static final String CLEAR = "clear";

    public static final String INFO = "info";
    public static final String WARNING = "warning";
    public static final String URGENT = "urgent";

    private AlertEvents() {
    }
}
