package org.campusmirror.mirror.widgets.announcements.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

import org.campusmirror.mirror.widgets.announcements.Announcement;
import org.campusmirror.mirror.widgets.announcements.Priority;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One announcement an admin entered in the Web Console (factory PID {@value #PID}): saving it publishes it on the
 * board under its configuration PID, deleting it withdraws it. A configuration that cannot be read is withdrawn and
 * its reason shown on the announcements tile's notes and in the log, never on the display as an announcement.
 */
@Component(service = {}, configurationPid = AnnouncementConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = AnnouncementConfiguration.Config.class, factory = true)
public final class AnnouncementConfiguration {
    public static final String PID = "org.campusmirror.mirror.announcement";

    @ObjectClassDefinition(name = "Campus Mirror: announcement",
            description = "A text shown in the announcements ticker from its start to its end; urgent ones also "
                    + "as an alert over the whole display")
    public @interface Config {
        @AttributeDefinition(name = "Text (German)", required = false)
        String text_de() default "";

        @AttributeDefinition(name = "Text (English)", required = false)
        String text_en() default "";

        @AttributeDefinition(name = "Start", description = "e.g. 2026-10-12 08:00 (in the zone below), or "
                + "2026-10-12T08:00+02:00; empty for at once", required = false)
        String start() default "";

        @AttributeDefinition(name = "End", description = "e.g. 2026-10-12 18:00; a date alone means the end of "
                + "that day; empty for until deleted", required = false)
        String end() default "";

        @AttributeDefinition(name = "Priority", options = {@Option(label = "normal", value = "normal"),
                @Option(label = "important", value = "important"), @Option(label = "urgent (alert)", value = "urgent")})
        String priority() default "normal";

        @AttributeDefinition(name = "Time zone", description = "For start and end without an offset; empty for the "
                + "mirror's system zone", required = false)
        String zone() default "";
    }

    private final BoardService board;
    private final String id;

    @Activate
    public AnnouncementConfiguration(Config config, Map<String, Object> properties, @Reference BoardService board) {
        this.board = board;
        this.id = String.valueOf(properties.getOrDefault("service.pid", properties.get("component.id")));
        try {
            board.publish(read(id, config, ZoneId.systemDefault()));
        } catch (IllegalArgumentException | DateTimeException e) {
            board.invalid(id, e.getMessage());
        }
    }

    @Deactivate
    void deactivate() {
        board.withdraw(id);
    }

    static Announcement read(String id, Config config, ZoneId systemZone) {
        ZoneId zone = systemZone;
        if (config.zone() != null && !config.zone().isBlank()) {
            try {
                zone = ZoneId.of(config.zone().strip());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("zone: '" + config.zone() + "' is not a time zone");
            }
        }
        Priority priority;
        try {
            priority = Priority.valueOf(config.priority().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("priority: '" + config.priority() + "'; use normal, important or urgent");
        }
        return new Announcement(id, config.text_de(), config.text_en(), time("start", config.start(), zone, false),
                time("end", config.end(), zone, true), priority, "console");
    }

    /** ISO date-time with or without offset ("2026-10-12 08:00" too), or a date alone (its start, or its end). */
    static Instant time(String setting, String text, ZoneId zone, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    LocalDate date = LocalDate.parse(value);
                    return (endOfDay ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException(setting + ": '" + text + "' is not a date and time; write "
                            + "e.g. 2026-10-12 08:00");
                }
            }
        }
    }
}
