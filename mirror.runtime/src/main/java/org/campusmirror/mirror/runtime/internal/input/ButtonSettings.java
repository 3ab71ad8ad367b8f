package org.campusmirror.mirror.runtime.internal.input;

import org.campusmirror.mirror.runtime.internal.ConfigReader;

import java.time.Duration;

/** A button's checked configuration. */
record ButtonSettings(String name, PinSettings pin, Duration debounce, ButtonAction shortPress,
        String shortPressName, ButtonAction longPress, String longPressName, Duration longPressAfter) {
    static final int DEFAULT_DEBOUNCE_MILLIS = 20;
    static final int MAX_DEBOUNCE_MILLIS = 1000;
    static final int DEFAULT_LONG_PRESS_MILLIS = 800;
    static final int MIN_LONG_PRESS_MILLIS = 100;
    static final int MAX_LONG_PRESS_MILLIS = 10_000;

    /**
     * Checks a configuration.
     *
     * @throws IllegalArgumentException naming every problem
     */
    static ButtonSettings from(ButtonConfig config) {
        String name = config.name() == null || config.name().isBlank() ? "button" : config.name().strip();
        ConfigReader reader = new ConfigReader();
        PinSettings pin = PinSettings.read(reader, config::pin, config::pull, config::activeLevel);
        Integer debounce = reader.readInt("debounceMillis", config::debounceMillis, 0, MAX_DEBOUNCE_MILLIS);
        Integer longAfter = reader.readInt("longPressMillis", config::longPressMillis, MIN_LONG_PRESS_MILLIS,
                MAX_LONG_PRESS_MILLIS);
        ButtonAction shortPress = reader.read("shortPress", config::shortPress);
        String shortName = actionName(reader, "shortPressName", shortPress, config.shortPressName());
        ButtonAction longPress = reader.read("longPress", config::longPress);
        String longName = actionName(reader, "longPressName", longPress, config.longPressName());
        if (longPress != null && longPress != ButtonAction.NONE && debounce != null && longAfter != null
                && longAfter <= debounce) {
            reader.problem("longPressMillis " + longAfter + " must be longer than debounceMillis " + debounce);
        }
        reader.throwIfProblems("button '" + name + "'");
        return new ButtonSettings(name, pin, Duration.ofMillis(debounce), shortPress, shortName, longPress, longName,
                Duration.ofMillis(longAfter));
    }

    /** The name a NAMED_ACTION sends; null for other actions. */
    private static String actionName(ConfigReader reader, String key, ButtonAction action, String name) {
        if (action != ButtonAction.NAMED_ACTION) {
            return null;
        }
        String trimmed = name == null ? "" : name.strip();
        if (!ButtonAction.ACTION_NAME.matcher(trimmed).matches()) {
            reader.problem(key + " '" + trimmed + "' is not 1-64 letters, digits, '.', '_' or '-'");
        }
        return trimmed;
    }
}
