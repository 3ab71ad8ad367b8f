package org.campusmirror.mirror.runtime.internal.input;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * An open pin whose edges go to the input thread and through a {@link Debouncer}; the stable levels go to a consumer
 * there. The pin is taken as inactive at first: an input already active when it opens (a held button, a PIR that
 * sees somebody) counts from its next edge.
 */
final class DebouncedInput implements AutoCloseable {
    private final InputClock clock;
    private final Debouncer debouncer;
    private final GpioInputs.PinInput pin;

    /**
     * @param stableLevel gets each new stable level (true: active), on the input thread
     * @throws PinUnavailableException when the pin is taken or the GPIO provider refuses it
     */
    DebouncedInput(GpioInputs gpio, String owner, PinSettings settings, Duration debounce, InputClock clock,
            Consumer<Boolean> stableLevel) throws PinUnavailableException {
        this.clock = clock;
        Debouncer levels = new Debouncer(debounce, clock, stableLevel);
        this.debouncer = levels;
        this.pin = gpio.open(owner, settings, active -> clock.execute(() -> levels.edge(active)));
    }

    @Override
    public void close() {
        pin.close();
        clock.execute(debouncer::cancel);
    }
}
