package org.campusmirror.mirror.runtime.internal.input;

import com.pi4j.io.gpio.digital.PullResistance;

/** The pin's internal pull resistor. */
public enum Pull {
    /** Pulled to 3.3 V: a button to GND reads low when pressed. */
    UP(PullResistance.PULL_UP),
    /** Pulled to GND: idles low when nothing drives the pin (e.g. a PIR sensor unplugged). */
    DOWN(PullResistance.PULL_DOWN),
    /** None: the sensor drives the pin itself. */
    OFF(PullResistance.OFF);

    private final PullResistance pi4j;

    Pull(PullResistance pi4j) {
        this.pi4j = pi4j;
    }

    PullResistance pi4j() {
        return pi4j;
    }
}
