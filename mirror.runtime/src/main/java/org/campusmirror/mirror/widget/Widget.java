package org.campusmirror.mirror.widget;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A tile on the mirror. A widget bundle provides it as an OSGi service (typically a Declarative Services
 * component, often a factory component with a metatype configuration, one instance per configuration) with the
 * service property {@link WidgetKind} and, usually from its configuration, {@link WidgetTitle},
 * {@link WidgetRegion}, {@link WidgetPage} and {@link WidgetRefreshSeconds}.
 *
 * <p>The runtime tracks every widget service while it is registered and calls {@link #refresh} on its own
 * interval, one call at a time per widget, on a bounded pool of threads with a timeout. The widget's identity on
 * the display ({@code data-widget-id}) is its configuration PID ({@code service.pid}) when it has one, else its
 * {@code component.name}.
 *
 * <p>What happens on failure is the runtime's business, so a widget just throws:
 * <ul>
 * <li>an {@link java.io.IOException} (network down, HTTP error, timeout) means the source is unavailable: the
 * tile keeps its last good data, marked stale with its age, or shows an error when there is none;</li>
 * <li>a {@link WidgetConfigurationException} means the configuration is wrong: the tile shows the message, and so
 * does the console;</li>
 * <li>anything else is a bug: an error tile with the exception's class and message, never a stack trace.</li>
 * </ul>
 * A refresh that does not return within the timeout leaves the tile stale; the widget is not refreshed again
 * until that call returns, so a hung call holds at most one thread.
 */
@ConsumerType
public interface Widget {

    /**
     * Fetches and computes what the tile shows now. Called on a runtime thread, never concurrently for one
     * widget; may block on I/O. Should return promptly once {@link RefreshContext#cancelled()} is true or the
     * thread is interrupted.
     *
     * @return the view model: plain data, never HTML
     * @throws Exception as the class comment says
     */
    ViewModel refresh(RefreshContext context) throws Exception;

    /**
     * A named action from a GPIO button or the console's virtual buttons (e.g. {@code "next-item"}), sent to
     * every widget. Most widgets ignore it. Called on a runtime thread; must not block.
     */
    default void onAction(String action) {
    }
}
