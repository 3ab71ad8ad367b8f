package org.campusmirror.mirror.runtime.internal.input;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The PIR motion sensor (PID {@value #PID}). There is none until this configuration is saved once: a mirror
 * without a sensor would otherwise go dark after the inactivity time and stay dark.
 */
@ObjectClassDefinition(id = MotionConfig.PID, name = "Campus Mirror motion sensor",
        description = "A PIR motion sensor (e.g. HC-SR501) on the GPIO header. Motion wakes the display; after the "
                + "inactivity time without motion or a button press, the display sleeps. Save this configuration to "
                + "turn motion sensing on; delete it to turn it off.")
public @interface MotionConfig {
    String PID = "org.campusmirror.mirror.motion";

    @AttributeDefinition(name = "BCM pin", description = "The sensor's output pin (GPIO4 is physical pin 7), 0-27")
    int pin() default 4;

    @AttributeDefinition(name = "Pull", description = "OFF: the sensor drives the pin; DOWN keeps it low (no motion) "
            + "when the sensor is unplugged")
    Pull pull() default Pull.OFF;

    @AttributeDefinition(name = "Active level", description = "The level while the sensor sees motion (HIGH for a "
            + "HC-SR501)")
    ActiveLevel activeLevel() default ActiveLevel.HIGH;

    @AttributeDefinition(name = "Debounce (ms)", description = "Ignores glitches shorter than this, 0-1000")
    int debounceMillis() default 50;

    @AttributeDefinition(name = "Inactivity (minutes)", description = "The display sleeps after this long without "
            + "motion or a press, " + MotionSensor.MIN_INACTIVITY_MINUTES + "-" + MotionSensor.MAX_INACTIVITY_MINUTES)
    int inactivityMinutes() default 10;
}
