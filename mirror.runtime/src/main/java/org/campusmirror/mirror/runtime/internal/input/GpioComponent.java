package org.campusmirror.mirror.runtime.internal.input;

import java.nio.file.Path;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The mirror's GPIO: Pi4J with the gpiod provider on a Raspberry Pi, the mock provider elsewhere (see
 * {@link Pi4jInputs#start}). Immediate, so the log line that says which comes at every start.
 */
@Component(service = GpioInputs.class, immediate = true)
public final class GpioComponent implements GpioInputs {
    private final Pi4jInputs inputs = Pi4jInputs.start(System.getProperty("os.arch"), Path.of("/dev"));

    @Deactivate
    void deactivate() {
        inputs.close();
    }

    @Override
    public PinInput open(String owner, PinSettings pin, Consumer<Boolean> activeChanged)
            throws PinUnavailableException {
        return inputs.open(owner, pin, activeChanged);
    }

    @Override
    public boolean simulated() {
        return inputs.simulated();
    }
}
