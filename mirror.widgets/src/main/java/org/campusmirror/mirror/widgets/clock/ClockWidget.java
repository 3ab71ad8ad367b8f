package org.campusmirror.mirror.widgets.clock;

import org.campusmirror.mirror.widget.RefreshContext;
import org.campusmirror.mirror.widget.ViewModel;
import org.campusmirror.mirror.widget.Widget;
import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widget.WidgetKind;
import org.campusmirror.mirror.widgets.common.TileSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * A clock with the date and the ISO calendar week. The page ticks it; the server refreshes it rarely (hourly by
 * default), only to pass on its settings and the date.
 */
@Component(service = Widget.class, configurationPid = ClockWidget.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ClockWidget.Config.class, factory = true)
@WidgetKind(ClockWidget.KIND)
public final class ClockWidget implements Widget {
    public static final String KIND = "clock";
    public static final String PID = "org.campusmirror.mirror.widgets.clock";

    @ObjectClassDefinition(name = "Campus Mirror: clock", description = "Time, date and calendar week")
    public @interface Config {
        @AttributeDefinition(name = "Title", description = "Shown above the tile; empty for none", required = false)
        String widget_title() default "";

        @AttributeDefinition(name = "Region", description = "e.g. top_right, top_bar")
        String widget_region() default "top_right";

        @AttributeDefinition(name = "Pages", description = "Pages the tile shows on; * for every page")
        String[] widget_page() default {"*"};

        @AttributeDefinition(name = "Refresh (seconds)", description = "The page ticks the clock; the server only "
                + "passes on the settings and the date")
        long widget_refresh_seconds() default 3600;

        @AttributeDefinition(name = "Time zone", description = "IANA name, e.g. Europe/Berlin; empty for the mirror's",
                required = false)
        String clock_zone() default "";

        @AttributeDefinition(name = "Hours", options = {@Option(label = "24 hours", value = "24h"),
                @Option(label = "12 hours (AM/PM)", value = "12h")})
        String clock_hour_cycle() default "24h";

        @AttributeDefinition(name = "Seconds", description = "Show seconds")
        boolean clock_seconds() default false;

        @AttributeDefinition(name = "Date", description = "Show the date")
        boolean clock_show_date() default true;

        @AttributeDefinition(name = "Calendar week", description = "Show the ISO calendar week (KW)")
        boolean clock_show_week() default true;
    }

    private final Config config;

    @Activate
    public ClockWidget(Config config) {
        this.config = config;
    }

    @Override
    public ViewModel refresh(RefreshContext context) throws WidgetConfigurationException {
        TileSettings.check(config.widget_title(), config.widget_region(), config.widget_page(),
                config.widget_refresh_seconds());
        ClockSettings settings = ClockSettings.of(config, context.zone());
        var now = context.clock().instant();
        return ViewModel.of(ClockView.of(settings, now, context.locale()), now);
    }
}
