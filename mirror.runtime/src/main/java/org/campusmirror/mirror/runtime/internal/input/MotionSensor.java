package org.campusmirror.mirror.runtime.internal.input;

import org.campusmirror.mirror.runtime.internal.ConfigReader;

import java.time.Duration;

/** The motion sensor at work: its pin's debounced levels go to {@link Presence#motion}, on the input thread. */
final class MotionSensor implements AutoCloseable {
    static final int MIN_INACTIVITY_MINUTES = 1;
    static final int MAX_INACTIVITY_MINUTES = 1440;

    /** The checked configuration. */
    record Settings(PinSettings pin, Duration debounce, Duration inactivity) {
        /** @throws IllegalArgumentException naming every problem */
        static Settings from(MotionConfig config) {
            ConfigReader reader = new ConfigReader();
            PinSettings pin = PinSettings.read(reader, config::pin, config::pull, config::activeLevel);
            Integer debounce = reader.readInt("debounceMillis", config::debounceMillis, 0,
                    ButtonSettings.MAX_DEBOUNCE_MILLIS);
            Integer minutes = reader.readInt("inactivityMinutes", config::inactivityMinutes, MIN_INACTIVITY_MINUTES,
                    MAX_INACTIVITY_MINUTES);
            reader.throwIfProblems("motion sensor");
            return new Settings(pin, Duration.ofMillis(debounce), Duration.ofMinutes(minutes));
        }
    }

    private final InputClock clock;
    private final Presence presence;
    private final DebouncedInput input;

    /** @throws PinUnavailableException when the pin is taken or the GPIO provider refuses it */
    MotionSensor(Settings settings, GpioInputs gpio, InputClock clock, Presence presence)
            throws PinUnavailableException {
        this.clock = clock;
        this.presence = presence;
        this.input = new DebouncedInput(gpio, "the motion sensor", settings.pin(), settings.debounce(), clock,
                presence::motion);
        clock.execute(() -> presence.motionSensor(settings.inactivity()));
    }

    @Override
    public void close() {
        input.close();
        clock.execute(() -> presence.motionSensor(null));
    }
}
