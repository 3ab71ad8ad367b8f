package org.campusmirror.mirror.runtime;

/**
 * How a bundle whose data changed gets the widgets that show it refreshed at once instead of at their next
 * interval: post an Event Admin event on {@value #TOPIC} naming the widget kind. The runtime refreshes every widget
 * of that kind on this mirror; a widget already refreshing is refreshed once more when it returns, so the change
 * is never missed. Cheap to send often: requests that arrive while a refresh waits for a thread add nothing.
 *
 * <pre>{@code
 * eventAdmin.postEvent(new Event(WidgetRefreshEvents.TOPIC, Map.of(WidgetRefreshEvents.KIND, "announcements")));
 * }</pre>
 */
public final class WidgetRefreshEvents {
    /** The Event Admin topic. */
    public static final String TOPIC = "org/campusmirror/widget/refresh";
    /** String, required: the widget kind ({@code widget.kind}) to refresh. */
    public static final String KIND = "kind";

    private WidgetRefreshEvents() {
    }
}
