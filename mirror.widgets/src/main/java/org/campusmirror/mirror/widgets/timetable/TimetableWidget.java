package org.campusmirror.mirror.widgets.timetable;

import java.nio.file.Path;

import org.campusmirror.mirror.widget.RefreshContext;
import org.campusmirror.mirror.widget.ViewModel;
import org.campusmirror.mirror.widget.Widget;
import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widget.WidgetKind;
import org.campusmirror.mirror.widgets.common.TileSettings;
import org.campusmirror.mirror.widgets.http.HttpFetcher;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The timetable: today and the next days from one or more iCal feeds (Stud.IP, Rapla, WebUntis exports), with
 * rooms and categories, and what runs now highlighted. One instance per configuration (factory PID
 * {@value #PID}).
 */
@Component(service = Widget.class, configurationPid = TimetableWidget.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TimetableWidget.Config.class, factory = true)
@WidgetKind(TimetableWidget.KIND)
public final class TimetableWidget implements Widget {
    public static final String KIND = "timetable";
    public static final String PID = "org.campusmirror.mirror.widgets.timetable";

    @ObjectClassDefinition(name = "Campus Mirror: timetable",
            description = "Today and the next days from iCal feeds (URLs or files in <mirror.home>/calendars)")
    public @interface Config {
        @AttributeDefinition(name = "Title", description = "Shown above the tile; empty for none", required = false)
        String widget_title() default "";

        @AttributeDefinition(name = "Region", description = "top_bar, top_left, top_center, top_right, upper_third, "
                + "middle_center, lower_third, bottom_left, bottom_center, bottom_right, bottom_bar, fullscreen_above")
        String widget_region() default "top_left";

        @AttributeDefinition(name = "Pages", description = "Pages the tile shows on; * for every page")
        String[] widget_page() default {"*"};

        @AttributeDefinition(name = "Refresh (seconds)", description = "How often the feeds are fetched")
        long widget_refresh_seconds() default 900;

        @AttributeDefinition(name = "Feeds", description = "iCal URLs (http, https, webcal) or file names in the "
                + "calendars folder of the mirror's home")
        String[] timetable_sources();

        @AttributeDefinition(name = "Days", description = "How many days to show, today included (1-14)")
        int timetable_days() default 3;

        @AttributeDefinition(name = "Most entries", description = "How many events the tile shows at most (1-200)")
        int timetable_max_entries() default 30;

        @AttributeDefinition(name = "Feed size limit (bytes)", description = "Larger feeds are refused")
        long timetable_max_bytes() default 5L << 20;
    }

    private final Timetable timetable;
    private final WidgetConfigurationException configurationError;

    @Activate
    public TimetableWidget(Config config, BundleContext context, @Reference HttpFetcher http) {
        this(config, homeOf(context), http);
    }

    TimetableWidget(Config config, Path home, HttpFetcher http) {
        Timetable built = null;
        WidgetConfigurationException error = null;
        try {
            TileSettings.check(config.widget_title(), config.widget_region(), config.widget_page(),
                    config.widget_refresh_seconds());
            built = new Timetable(TimetableSettings.of(config, home), http, OccurrenceExpander.Limits.DEFAULT);
        } catch (WidgetConfigurationException e) {
            error = e;
        }
        this.timetable = built;
        this.configurationError = error;
    }

    @Override
    public ViewModel refresh(RefreshContext context) throws Exception {
        if (configurationError != null) {
            throw configurationError;
        }
        return timetable.refresh(context);
    }

    static Path homeOf(BundleContext context) {
        String home = context.getProperty("mirror.home");
        return home == null || home.isBlank() ? null : Path.of(home);
    }
}
