package org.campusmirror.mirror.runtime.internal.input;

import com.pi4j.io.gpio.digital.DigitalState;

/** The level a pressed button or a triggered sensor puts on the pin. */
public enum ActiveLevel {
    /** Pressed reads low: a button to GND with a pull-up. */
    LOW,
    /** Pressed reads high: a PIR sensor's output, or a button to 3.3 V with a pull-down. */
    HIGH;

    boolean isActive(DigitalState state) {
        return this == HIGH ? state == DigitalState.HIGH : state == DigitalState.LOW;
    }
}
