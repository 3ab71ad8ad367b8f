package org.campusmirror.mirror.runtime.internal.input;

import java.util.function.Consumer;

/** Opens the digital inputs of the mirror's GPIO header, through Pi4J's gpiod provider or, without GPIO, its mock. */
interface GpioInputs {

    /** An open input; closing it frees the pin for the next owner. */
    interface PinInput extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Opens a pin for {@code owner} (named in errors and logs).
     *
     * @param activeChanged gets every change of the input (true: active level), undebounced, on a Pi4J thread
     * @throws PinUnavailableException when the pin is taken or the provider refuses it
     */
    PinInput open(String owner, PinSettings pin, Consumer<Boolean> activeChanged) throws PinUnavailableException;

    /** Whether these inputs are Pi4J's mock: nothing real ever changes them. */
    boolean simulated();
}
