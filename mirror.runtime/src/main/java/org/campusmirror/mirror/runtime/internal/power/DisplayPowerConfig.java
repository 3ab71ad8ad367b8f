package org.campusmirror.mirror.runtime.internal.power;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the mirror switches its panel (PID {@value #PID}). */
@ObjectClassDefinition(id = DisplayPowerConfig.PID, name = "Campus Mirror display power",
        description = "The command that turns the display panel off when the mirror sleeps and on when it wakes. "
                + "It runs as the mirror's user, without a shell, with a small environment and a time limit; its "
                + "output is logged when it fails.")
public @interface DisplayPowerConfig {
    String PID = "org.campusmirror.mirror.displaypower";

    @AttributeDefinition(name = "Preset", description = "WLOPM (labwc, Wayfire: Raspberry Pi OS Bookworm), XSET (X11), "
            + "CEC (a TV over HDMI-CEC with cec-client), CUSTOM (the commands below), NONE (only blank the page)")
    PowerPreset preset() default PowerPreset.WLOPM;

    @AttributeDefinition(name = "Output (WLOPM)", description = "The output to switch, e.g. HDMI-A-1 (wlopm lists "
            + "them), or * for all")
    String output() default "HDMI-A-1";

    @AttributeDefinition(name = "Wayland display (WLOPM)", description = "The compositor's socket: a name in the "
            + "runtime folder (wayland-0) or an absolute path (/run/user/1000/wayland-0)")
    String waylandDisplay() default "wayland-0";

    @AttributeDefinition(name = "X display (XSET)", description = "e.g. :0")
    String x11Display() default ":0";

    @AttributeDefinition(name = "X authority file (XSET)", description = "An absolute path, if the X server needs "
            + "one for the mirror's user; empty: none")
    String xauthority() default "";

    @AttributeDefinition(name = "CEC device address (CEC)", description = "The logical address to switch, 0-15 "
            + "(0: the TV)")
    int cecAddress() default 0;

    @AttributeDefinition(name = "On command (CUSTOM)", description = "Program and arguments, split at spaces; quote "
            + "with ' or \". No shell: no pipes, redirections or variables; use a script for those.")
    String onCommand() default "";

    @AttributeDefinition(name = "Off command (CUSTOM)", description = "As the on command")
    String offCommand() default "";

    @AttributeDefinition(name = "Time limit (s)", description = "A command still running after this is killed, "
            + "1-120")
    int timeoutSeconds() default 10;
}
