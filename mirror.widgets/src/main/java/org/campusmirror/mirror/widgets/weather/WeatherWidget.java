package org.campusmirror.mirror.widgets.weather;

import org.campusmirror.mirror.widget.RefreshContext;
import org.campusmirror.mirror.widget.ViewModel;
import org.campusmirror.mirror.widget.Widget;
import org.campusmirror.mirror.widget.WidgetKind;
import org.campusmirror.mirror.widgets.common.Checked;
import org.campusmirror.mirror.widgets.http.HttpFetcher;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Current weather and a few days' forecast from Open-Meteo. One instance per configuration. */
@Component(service = Widget.class, configurationPid = WeatherWidget.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WeatherWidget.Config.class, factory = true)
@WidgetKind(WeatherWidget.KIND)
public final class WeatherWidget implements Widget {
    public static final String KIND = "weather";
    public static final String PID = "org.campusmirror.mirror.widgets.weather";

    @ObjectClassDefinition(name = "Campus Mirror: weather",
            description = "Current weather and forecast from Open-Meteo")
    public @interface Config {
        @AttributeDefinition(name = "Title", description = "Shown above the tile; empty for none", required = false)
        String widget_title() default "";

        @AttributeDefinition(name = "Region", description = "e.g. top_right, upper_third")
        String widget_region() default "top_right";

        @AttributeDefinition(name = "Pages", description = "Pages the tile shows on; * for every page")
        String[] widget_page() default {"*"};

        @AttributeDefinition(name = "Refresh (seconds)", description = "How often the forecast is fetched")
        long widget_refresh_seconds() default 900;

        @AttributeDefinition(name = "Latitude", description = "Degrees north, e.g. 52.1394")
        double weather_latitude();

        @AttributeDefinition(name = "Longitude", description = "Degrees east, e.g. 11.6450")
        double weather_longitude();

        @AttributeDefinition(name = "Place name", description = "Shown on the tile, e.g. Magdeburg",
                required = false)
        String weather_location() default "";

        @AttributeDefinition(name = "Forecast days", description = "Today and the next days (1-7)")
        int weather_days() default 4;

        @AttributeDefinition(name = "Temperature unit", options = {@Option(label = "°C", value = "celsius"),
                @Option(label = "°F", value = "fahrenheit")})
        String weather_units() default "celsius";

        @AttributeDefinition(name = "Time zone", description = "For the days; empty for the mirror's",
                required = false)
        String weather_timezone() default "";

        @AttributeDefinition(name = "API address", description = "Open-Meteo base URL")
        String weather_base_url() default "https://api.open-meteo.com";
    }

    private final Checked<OpenMeteo> api;

    @Activate
    public WeatherWidget(Config config, @Reference HttpFetcher http) {
        api = Checked.of(() -> new OpenMeteo(http, WeatherSettings.of(config)));
    }

    @Override
    public ViewModel refresh(RefreshContext context) throws Exception {
        return ViewModel.of(api.get().forecast(context.zone()), context.clock().instant());
    }
}
