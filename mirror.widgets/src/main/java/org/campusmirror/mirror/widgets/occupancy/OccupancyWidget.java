package org.campusmirror.mirror.widgets.occupancy;

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

/**
 * How full the library or other rooms are, from any JSON endpoint: each area's values are picked with JSON Pointers
 * and shown as a bar. One instance per configuration (per endpoint).
 */
@Component(service = Widget.class, configurationPid = OccupancyWidget.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = OccupancyWidget.Config.class, factory = true)
@WidgetKind(OccupancyWidget.KIND)
public final class OccupancyWidget implements Widget {
    public static final String KIND = "occupancy";
    public static final String PID = "org.campusmirror.mirror.widgets.occupancy";

    @ObjectClassDefinition(name = "Campus Mirror: occupancy",
            description = "Seats or rooms in use, from any JSON endpoint, a bar per area")
    public @interface Config {
        @AttributeDefinition(name = "Title", description = "Shown above the tile; empty for none", required = false)
        String widget_title() default "";

        @AttributeDefinition(name = "Region", description = "e.g. top_left, bottom_center")
        String widget_region() default "top_left";

        @AttributeDefinition(name = "Pages", description = "Pages the tile shows on; * for every page")
        String[] widget_page() default {"*"};

        @AttributeDefinition(name = "Refresh (seconds)", description = "How often the endpoint is asked")
        long widget_refresh_seconds() default 120;

        @AttributeDefinition(name = "JSON address", description = "http or https URL answering JSON")
        String occupancy_url();

        @AttributeDefinition(name = "Areas", description = "One per entry: name | /JSON/Pointer/to/value | "
                + "/JSON/Pointer/to/capacity or a number, e.g. 'Lesesaal | /areas/0/occupied | /areas/0/seats' or "
                + "'Gruppenräume | /rooms/free | 12'")
        String[] occupancy_areas();

        @AttributeDefinition(name = "The value counts", options = {@Option(label = "places taken", value = "occupied"),
                @Option(label = "places free", value = "free")})
        String occupancy_value() default "occupied";

        @AttributeDefinition(name = "Busy from (percent)", description = "The bar turns to the warning colour")
        int occupancy_busy_percent() default 70;

        @AttributeDefinition(name = "Full from (percent)", description = "The bar turns to the full colour")
        int occupancy_full_percent() default 90;
    }

    private final Checked<Occupancy> occupancy;

    @Activate
    public OccupancyWidget(Config config, @Reference HttpFetcher http) {
        occupancy = Checked.of(() -> new Occupancy(OccupancySettings.of(config), http));
    }

    @Override
    public ViewModel refresh(RefreshContext context) throws Exception {
        return ViewModel.of(occupancy.get().read(), context.clock().instant());
    }
}
