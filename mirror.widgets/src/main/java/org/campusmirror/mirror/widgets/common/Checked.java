package org.campusmirror.mirror.widgets.common;

import org.campusmirror.mirror.widget.WidgetConfigurationException;

/**
 * What a widget built from its configuration at activation, or why it could not: the component still activates,
 * and each refresh throws the configuration error, so the tile and the console show the message.
 */
public final class Checked<T> {
    /** Builds from a configuration, or fails with a message naming the setting. */
    @FunctionalInterface
    public interface Builder<T> {
        T build() throws WidgetConfigurationException;
    }

    private final T value;
    private final WidgetConfigurationException error;

    private Checked(T value, WidgetConfigurationException error) {
        this.value = value;
        this.error = error;
    }

    public static <T> Checked<T> of(Builder<T> builder) {
        try {
            return new Checked<>(builder.build(), null);
        } catch (WidgetConfigurationException e) {
            return new Checked<>(null, e);
        }
    }

    /** The built value, or the configuration error. */
    public T get() throws WidgetConfigurationException {
        if (error != null) {
            throw error;
        }
        return value;
    }
}
