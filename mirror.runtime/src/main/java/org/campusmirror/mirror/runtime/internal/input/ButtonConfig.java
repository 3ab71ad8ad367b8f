package org.campusmirror.mirror.runtime.internal.input;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One GPIO button, as the Web Console edits it (factory PID {@value #PID}: one configuration per button). */
@ObjectClassDefinition(id = ButtonConfig.PID, name = "Campus Mirror button",
        description = "A push button on the GPIO header. Wire it from the pin to GND and keep pull UP and active "
                + "level LOW. Without a long-press action a press acts at once; with one, a press acts on release, "
                + "and a press held for the long-press time does the long-press action while still held.")
public @interface ButtonConfig {
    String PID = "org.campusmirror.mirror.button";

    @AttributeDefinition(name = "Name", description = "What the logs call this button, e.g. next")
    String name() default "button";

    @AttributeDefinition(name = "BCM pin", description = "The Broadcom GPIO number (GPIO17 is physical pin 11), 0-27")
    int pin() default 17;

    @AttributeDefinition(name = "Pull", description = "The pin's internal resistor: UP for a button to GND")
    Pull pull() default Pull.UP;

    @AttributeDefinition(name = "Active level", description = "The level while pressed: LOW for a button to GND")
    ActiveLevel activeLevel() default ActiveLevel.LOW;

    @AttributeDefinition(name = "Debounce (ms)", description = "How long the level must hold before it counts, "
            + "0-" + ButtonSettings.MAX_DEBOUNCE_MILLIS)
    int debounceMillis() default ButtonSettings.DEFAULT_DEBOUNCE_MILLIS;

    @AttributeDefinition(name = "Short press", description = "What a short press does")
    ButtonAction shortPress() default ButtonAction.NEXT_PAGE;

    @AttributeDefinition(name = "Short press action name", description = "For NAMED_ACTION: the name widgets "
            + "receive, letters, digits, '.', '_' and '-' (1-64)")
    String shortPressName() default "";

    @AttributeDefinition(name = "Long press", description = "What holding the button does; NONE makes every press "
            + "short and immediate")
    ButtonAction longPress() default ButtonAction.NONE;

    @AttributeDefinition(name = "Long press action name", description = "For NAMED_ACTION: the name widgets receive")
    String longPressName() default "";

    @AttributeDefinition(name = "Long press after (ms)", description = "How long a press must be held to be long, "
            + ButtonSettings.MIN_LONG_PRESS_MILLIS + "-" + ButtonSettings.MAX_LONG_PRESS_MILLIS)
    int longPressMillis() default ButtonSettings.DEFAULT_LONG_PRESS_MILLIS;
}
