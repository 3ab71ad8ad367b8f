package org.campusmirror.mirror.runtime.internal.power;

/** How the panel is switched. */
public enum PowerPreset {
    /** {@code wlopm --on|--off OUTPUT}: labwc and Wayfire, Raspberry Pi OS Bookworm's desktops. */
    WLOPM,
    /** {@code xset dpms force on|off} with DISPLAY: an X11 desktop. */
    XSET,
    /** {@code cec-client -s -d 1} reading {@code on N} or {@code standby N}: a TV over HDMI-CEC. */
    CEC,
    /** The configured on and off commands. */
    CUSTOM,
    /** No command: sleep only blanks the page. */
    NONE
}
