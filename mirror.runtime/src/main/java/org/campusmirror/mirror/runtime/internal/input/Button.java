package org.campusmirror.mirror.runtime.internal.input;

/**
 * A configured button at work: its debounced levels go to the {@link PressDetector}, and each press to
 * {@link Presence#pressed}, all on the input thread.
 */
final class Button implements AutoCloseable {
    private final InputClock clock;
    private final PressDetector detector;
    private final DebouncedInput input;

    /** @throws PinUnavailableException when the pin is taken or the GPIO provider refuses it */
    Button(ButtonSettings settings, GpioInputs gpio, InputClock clock, Presence presence)
            throws PinUnavailableException {
        this.clock = clock;
        this.detector = new PressDetector(settings.longPressAfter(), settings.longPress() != ButtonAction.NONE, clock,
                new PressDetector.Listener() {
                    @Override
                    public void shortPress() {
                        presence.pressed(settings.shortPress(), settings.shortPressName());
                    }

                    @Override
                    public void longPress() {
                        presence.pressed(settings.longPress(), settings.longPressName());
                    }
                });
        this.input = new DebouncedInput(gpio, "button '" + settings.name() + "'", settings.pin(), settings.debounce(),
                clock, detector::level);
    }

    @Override
    public void close() {
        input.close();
        clock.execute(detector::cancel);
    }
}
