package org.campusmirror.mirror.runtime.internal.input;

import org.campusmirror.mirror.runtime.internal.ConfigReader;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.campusmirror.mirror.runtime.MirrorActions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the input thread and the {@link Presence} that buttons and the motion sensor report to. Its off-times come
 * from {@link ScheduleComponent}, in the time zone of the layout configuration ({@value #LAYOUT_PID}), read here.
 */
@Component(service = PresenceComponent.class, configurationPid = PresenceComponent.LAYOUT_PID)
public final class PresenceComponent {
    static final String LAYOUT_PID = "org.campusmirror.mirror.layout";
    static final String DEFAULT_ZONE = "Europe/Berlin";
    static final int MIN_WAKE_MINUTES = 1;
    static final int MAX_WAKE_MINUTES = 1440;
    private static final Logger LOG = LoggerFactory.getLogger(PresenceComponent.class);

    /** The one key of the layout configuration read here. */
    public @interface LayoutZone {
        String timeZone() default DEFAULT_ZONE;
    }

    private final InputThread thread = new InputThread();
    private final Presence presence;
    private volatile ZoneId zone;
    private volatile ScheduleConfig schedule;

    @Activate
    public PresenceComponent(@Reference MirrorActions actions, LayoutZone layout) {
        zone = zone(layout);
        presence = new Presence(actions, thread, settings(null, zone));
        thread.execute(presence::start);
    }

    @Modified
    void modified(LayoutZone layout) {
        ZoneId newZone = zone(layout);
        if (!newZone.equals(zone)) {
            zone = newZone;
            apply();
        }
    }

    /** New off-times ({@code null}: none). */
    void schedule(ScheduleConfig config) {
        schedule = config;
        apply();
    }

    private synchronized void apply() {
        Presence.Settings settings = settings(schedule, zone);
        thread.execute(() -> presence.configure(settings));
    }

    @Deactivate
    void deactivate() {
        thread.close(); // drops the pending presence task with the rest
    }

    /** The input thread: buttons and the motion sensor run their timers on it. */
    InputClock clock() {
        return thread;
    }

    /** Only to be called on the {@link #clock()}'s thread. */
    Presence presence() {
        return presence;
    }

    /** The settings of a configuration ({@code null}: no off-times); a wrong one is logged and means none. */
    static Presence.Settings settings(ScheduleConfig schedule, ZoneId zone) {
        Presence.Settings none = new Presence.Settings(OffSchedule.none(zone), false, Duration.ofMinutes(5));
        if (schedule == null) {
            return none;
        }
        try {
            Presence.Settings settings = parse(schedule, zone);
            if (!settings.schedule().isEmpty()) {
                LOG.info("Off-times ({}): {}; motion wakes the display in them: {}", zone,
                        String.join(", ", schedule.offTimes()), schedule.motionWakes() ? "yes" : "no");
            }
            return settings;
        } catch (IllegalArgumentException e) {
            LOG.error("Configuration {} refused, the display has no off-times until it is fixed: {}",
                    ScheduleConfig.PID, e.getMessage());
            return none;
        }
    }

    /** @throws IllegalArgumentException naming every problem */
    static Presence.Settings parse(ScheduleConfig schedule, ZoneId zone) {
        ConfigReader reader = new ConfigReader();
        String[] entries = reader.read("offTimes", schedule::offTimes);
        Boolean motionWakes = reader.read("motionWakes", schedule::motionWakes);
        Integer wakeMinutes = reader.readInt("wakeMinutes", schedule::wakeMinutes, MIN_WAKE_MINUTES,
                MAX_WAKE_MINUTES);
        List<OffTime> offTimes = new ArrayList<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            try {
                offTimes.add(OffTime.parse(entry));
            } catch (IllegalArgumentException e) {
                reader.problem(e.getMessage());
            }
        }
        reader.throwIfProblems("off-times");
        return new Presence.Settings(new OffSchedule(List.copyOf(offTimes), zone), motionWakes,
                Duration.ofMinutes(wakeMinutes));
    }

    private static ZoneId zone(LayoutZone layout) {
        try {
            return ZoneId.of(layout.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            LOG.warn("Off-times use {}: the layout's time zone '{}' is unknown", DEFAULT_ZONE, layout.timeZone());
            return ZoneId.of(DEFAULT_ZONE);
        }
    }
}
