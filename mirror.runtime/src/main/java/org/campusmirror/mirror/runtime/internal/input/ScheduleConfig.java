package org.campusmirror.mirror.runtime.internal.input;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Off-times of the display (PID {@value #PID}), in the layout's time zone. */
@ObjectClassDefinition(id = ScheduleConfig.PID, name = "Campus Mirror off-times",
        description = "Times when the display sleeps, in the time zone of the layout configuration. An off-time "
                + "puts the display to sleep at its start and wakes it at its end. A button press wakes it in "
                + "between, for the wake time.")
public @interface ScheduleConfig {
    String PID = "org.campusmirror.mirror.schedule";

    @AttributeDefinition(name = "Off-times", description = "One per entry: [days] HH:MM-HH:MM, e.g. "
            + "'Mon-Fri 22:00-06:00' (Monday 22:00 to Tuesday 06:00, ... Friday 22:00 to Saturday 06:00), "
            + "'Sat,Sun 00:00-24:00'. Days: Mon Tue Wed Thu Fri Sat Sun or Mo Di Mi Do Fr Sa So, ranges with '-'; "
            + "no days means every day. An end at or before the start is on the next day.")
    String[] offTimes() default {};

    @AttributeDefinition(name = "Motion wakes the display in an off-time", description = "Off: during an off-time "
            + "only a button press wakes the display (people walking past at night do not)")
    boolean motionWakes() default false;

    @AttributeDefinition(name = "Wake time in an off-time (minutes)", description = "How long the display stays on "
            + "after the last press or motion when something woke it during an off-time, "
            + PresenceComponent.MIN_WAKE_MINUTES + "-" + PresenceComponent.MAX_WAKE_MINUTES)
    int wakeMinutes() default 5;
}
