package org.campusmirror.mirror.widget;

/**
 * A widget's configuration is unusable (a malformed URL, an unknown id, a missing value). The tile and the console
 * show the message, which should name the setting and what is wrong, in words an admin understands.
 */
public class WidgetConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    public WidgetConfigurationException(String message) {
        super(message);
    }

    public WidgetConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
