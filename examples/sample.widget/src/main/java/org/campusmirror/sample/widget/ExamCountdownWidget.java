package org.campusmirror.sample.widget;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import org.campusmirror.mirror.widget.Region;
import org.campusmirror.mirror.widget.RefreshContext;
import org.campusmirror.mirror.widget.ViewModel;
import org.campusmirror.mirror.widget.Widget;
import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widget.WidgetKind;
import org.campusmirror.mirror.widget.WidgetRefreshSeconds;
import org.campusmirror.mirror.widget.WidgetRegion;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The example widget, and the template for yours: a countdown to an exam. Each configuration an admin creates in
 * the Web Console ("Exam countdown" under OSGi, Configuration) is one tile. The widget computes little: it says
 * what the exam is, where, and when it starts and ends; the page's renderer ({@code web/renderer.js}) counts down,
 * in the display's language, without asking the mirror again.
 */
@Component(service = Widget.class, configurationPid = ExamCountdownWidget.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ExamCountdownWidget.Config.class, factory = true)
@WidgetKind(ExamCountdownWidget.KIND)
@WidgetRegion(Region.TOP_RIGHT)
@WidgetRefreshSeconds(3600)
public final class ExamCountdownWidget implements Widget {
    static final String PID = "org.campusmirror.sample.widget.ExamCountdown";
    static final String KIND = "exam-countdown";

    /** The settings of one tile. An attribute id's {@code _} becomes a dot: {@code widget_title} is widget.title. */
    @ObjectClassDefinition(id = PID, name = "%exam.name", description = "%exam.description",
            localization = "OSGI-INF/l10n/exam")
    public @interface Config {
        @AttributeDefinition(name = "%exam.title.name", description = "%exam.title.description")
        String exam();

        @AttributeDefinition(name = "%startsAt.name", description = "%startsAt.description")
        String startsAt();

        @AttributeDefinition(name = "%durationMinutes.name", description = "%durationMinutes.description",
                min = "1", max = "1440")
        int durationMinutes() default 120;

        @AttributeDefinition(name = "%location.name", description = "%location.description", required = false)
        String location() default "";

        @AttributeDefinition(name = "%widget.title.name", description = "%widget.title.description",
                required = false)
        String widget_title() default "";

        @AttributeDefinition(name = "%widget.region.name", description = "%widget.region.description")
        String widget_region() default "top_right";
    }

    /**
     * What the tile shows: plain data, never HTML.
     *
     * @param exam     the exam's name
     * @param location the room, or empty
     * @param startsAt when it starts
     * @param endsAt   when it ends
     */
    record Exam(String exam, String location, Instant startsAt, Instant endsAt) {
    }

    private final ExamSettings settings;

    @Activate
    public ExamCountdownWidget(Config config) {
        this.settings = ExamSettings.of(config.exam(), config.startsAt(), config.durationMinutes(), config.location());
    }

    @Override
    public ViewModel refresh(RefreshContext context) throws WidgetConfigurationException {
        return ViewModel.of(settings.exam(context), context.clock().instant());
    }

    /**
     * The configuration, checked once. A wrong value is kept as a message that every refresh reports: the tile and
     * the console show it, and the admin fixes it in place.
     */
    record ExamSettings(String exam, String location, LocalDateTime startsAt, Duration duration, String problem) {
        static ExamSettings of(String exam, String startsAt, int durationMinutes, String location) {
            String name = exam == null ? "" : exam.strip();
            String room = location == null ? "" : location.strip();
            if (name.isEmpty()) {
                return problem("The exam needs a name (exam)");
            }
            if (durationMinutes < 1) {
                return problem("The duration must be at least one minute, not " + durationMinutes);
            }
            try {
                LocalDateTime start = LocalDateTime.parse(startsAt == null ? "" : startsAt.strip());
                return new ExamSettings(name, room, start, Duration.ofMinutes(durationMinutes), null);
            } catch (DateTimeParseException e) {
                return problem("Start '" + startsAt + "' is not a date and time like 2027-02-15T09:00");
            }
        }

        private static ExamSettings problem(String message) {
            return new ExamSettings(null, null, null, null, message);
        }

        /** The exam at its times in the display's time zone. */
        Exam exam(RefreshContext context) throws WidgetConfigurationException {
            if (problem != null) {
                throw new WidgetConfigurationException(problem);
            }
            Instant start = startsAt.atZone(context.zone()).toInstant();
            return new Exam(exam, location, start, start.plus(duration));
        }
    }
}
