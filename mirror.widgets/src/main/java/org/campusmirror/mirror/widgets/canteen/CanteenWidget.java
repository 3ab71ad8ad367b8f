package org.campusmirror.mirror.widgets.canteen;

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

/** The canteen's menu from OpenMensa (API v2), for one price group. One instance per configuration. */
@Component(service = Widget.class, configurationPid = CanteenWidget.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CanteenWidget.Config.class, factory = true)
@WidgetKind(CanteenWidget.KIND)
public final class CanteenWidget implements Widget {
    public static final String KIND = "canteen";
    public static final String PID = "org.campusmirror.mirror.widgets.canteen";

    @ObjectClassDefinition(name = "Campus Mirror: canteen menu",
            description = "Today's meals (tomorrow's after the switch time) from OpenMensa")
    public @interface Config {
        @AttributeDefinition(name = "Title", description = "Shown above the tile; empty for none", required = false)
        String widget_title() default "";

        @AttributeDefinition(name = "Region", description = "e.g. top_left, upper_third, bottom_right")
        String widget_region() default "bottom_left";

        @AttributeDefinition(name = "Pages", description = "Pages the tile shows on; * for every page")
        String[] widget_page() default {"*"};

        @AttributeDefinition(name = "Refresh (seconds)", description = "How often the menu is fetched")
        long widget_refresh_seconds() default 1800;

        @AttributeDefinition(name = "Canteen id", description = "The number in the canteen's OpenMensa address, "
                + "e.g. 1 for https://openmensa.org/c/1")
        int canteen_id();

        @AttributeDefinition(name = "API address", description = "OpenMensa API v2 base URL")
        String canteen_base_url() default "https://openmensa.org/api/v2";

        @AttributeDefinition(name = "Price for", options = {@Option(label = "students", value = "students"),
                @Option(label = "employees", value = "employees"), @Option(label = "pupils", value = "pupils"),
                @Option(label = "others (guests)", value = "others")})
        String canteen_price_role() default "students";

        @AttributeDefinition(name = "Show tomorrow from", description = "Time of day (HH:MM) from which "
                + "tomorrow's menu is shown")
        String canteen_switch_time() default "16:00";

        @AttributeDefinition(name = "Only these categories", description = "Category names as the canteen writes "
                + "them (ignoring case); empty for all", required = false)
        String[] canteen_categories_include() default {};

        @AttributeDefinition(name = "Hide these categories", description = "e.g. Beilagen, Desserts",
                required = false)
        String[] canteen_categories_exclude() default {};

        @AttributeDefinition(name = "Meals shown", description = "At most this many (1-30)")
        int canteen_max_meals() default 8;
    }

    private final Checked<Canteen> canteen;

    @Activate
    public CanteenWidget(Config config, @Reference HttpFetcher http) {
        canteen = Checked.of(() -> new Canteen(CanteenSettings.of(config), http));
    }

    @Override
    public ViewModel refresh(RefreshContext context) throws Exception {
        return canteen.get().refresh(context);
    }
}
