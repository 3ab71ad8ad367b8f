package org.campusmirror.mirror.runtime.internal.input;

/**
 * A configured button at work: its pin's edges go to the input thread, through the {@link Debouncer} and the
 * {@link PressDetector}, and each press to {@link Presence#pressed}. The pin is taken as released at first: a button
 * held while the mirror starts counts from its next press.
 */
final class Button implements AutoCloseable {
    private final InputClock clock;
    private final Debouncer debouncer;
    private final PressDetector detector;
    private final GpioInputs.PinInput pin;

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
        Debouncer levels = new Debouncer(settings.debounce(), false, clock, detector::level);
        this.debouncer = levels;
        this.pin = gpio.open("button '" + settings.name() + "'", settings.pin(),
                active -> clock.execute(() -> levels.edge(active)));
    }

    @Override
    public void close() {
        pin.close();
        clock.execute(() -> {
            debouncer.cancel();
            detector.cancel();
        });
    }
}
