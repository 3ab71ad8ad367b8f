package org.campusmirror.mirror.runtime.internal.power;

/**
 * Switches the physical display on or off (HDMI/DSI panel), e.g. by running the configured {@code wlopm},
 * {@code xset dpms} or {@code cec-client} command. The runtime's {@code MirrorActions} calls it on sleep and wake;
 * it must not block the caller for long and must never throw for a failing command (it logs it).
 */
public interface DisplayPower {

    /** Turns the panel on ({@code true}) or off. */
    void setOn(boolean on);
}
