package org.campusmirror.mirror.runtime.internal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the mirror tries gpiod and when it takes the mock provider, and why. */
class GpioProbeTest {

    @Test
    void anX86MachineHasNoGpiodLibrary() {
        assertEquals(Optional.of("os.arch is amd64; Pi4J's gpiod library exists for aarch64 and armhf only"),
                GpioProbe.whyNoGpiod("amd64", Path.of("/dev")));
    }

    @Test
    void anArmMachineWithoutAGpioChipDevice(@TempDir Path dev) {
        assertEquals(Optional.of("no " + dev.resolve("gpiochip*") + " device"), GpioProbe.whyNoGpiod("aarch64", dev));
    }

    @Test
    void anArmMachineWithAnOpenableChipTriesGpiod(@TempDir Path dev) throws Exception {
        Files.createFile(dev.resolve("gpiochip0"));
        Files.createFile(dev.resolve("null"));
        assertEquals(Optional.empty(), GpioProbe.whyNoGpiod("aarch64", dev));
        assertEquals(Optional.empty(), GpioProbe.whyNoGpiod("arm", dev));
    }

    @Test
    void thisMachineGetsTheMockProviderAndItWorks() throws Exception {
        try (Pi4jInputs inputs = Pi4jInputs.start(System.getProperty("os.arch"), Path.of("/nonexistent-dev"))) {
            assertTrue(inputs.simulated());
            GpioInputs.PinInput pin = inputs.open("a test", new PinSettings(5, Pull.UP, ActiveLevel.LOW), on -> { });
            pin.close();
        }
    }
}
