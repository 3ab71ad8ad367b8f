package org.campusmirror.mirror.runtime.internal.input;

import org.campusmirror.mirror.runtime.internal.ConfigReader;

import java.util.function.Supplier;

/**
 * One digital input: its BCM pin, pull resistor and active level.
 *
 * @param bcm the Broadcom GPIO number (GPIO17 is physical pin 11), {@value #MIN_BCM}-{@value #MAX_BCM}
 */
record PinSettings(int bcm, Pull pull, ActiveLevel activeLevel) {
    static final int MIN_BCM = 0;
    static final int MAX_BCM = 27;

    /** Reads and checks the three values; null when one is wrong (the reader holds the problem). */
    static PinSettings read(ConfigReader reader, Supplier<Integer> pin, Supplier<Pull> pull,
            Supplier<ActiveLevel> activeLevel) {
        Integer bcm = reader.read("pin", pin);
        if (bcm != null && (bcm < MIN_BCM || bcm > MAX_BCM)) {
            reader.problem("pin " + bcm + " is not a GPIO of the 40-pin header (BCM " + MIN_BCM + "-" + MAX_BCM + ")");
            bcm = null;
        }
        Pull resistor = reader.read("pull", pull);
        ActiveLevel level = reader.read("activeLevel", activeLevel);
        return bcm == null || resistor == null || level == null ? null : new PinSettings(bcm, resistor, level);
    }
}
