package org.campusmirror.mirror.widgets.departures;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

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
 * The next departures at a stop, from a hafas-rest-api or MOTIS service, with delays, cancellations, platform
 * changes and warnings; departures nobody can reach on foot are left out. One instance per configuration.
 */
@Component(service = Widget.class, configurationPid = DeparturesWidget.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DeparturesWidget.Config.class, factory = true)
@WidgetKind(DeparturesWidget.KIND)
public final class DeparturesWidget implements Widget {
    public static final String KIND = "departures";
    public static final String PID = "org.campusmirror.mirror.widgets.departures";

    @ObjectClassDefinition(name = "Campus Mirror: departures",
            description = "The next departures at a stop, from hafas-rest-api (db-rest) or MOTIS (Transitous)")
    public @interface Config {
        @AttributeDefinition(name = "Title", description = "Shown above the tile; empty for none", required = false)
        String widget_title() default "";

        @AttributeDefinition(name = "Region", description = "e.g. bottom_right, top_left")
        String widget_region() default "bottom_right";

        @AttributeDefinition(name = "Pages", description = "Pages the tile shows on; * for every page")
        String[] widget_page() default {"*"};

        @AttributeDefinition(name = "Refresh (seconds)", description = "How often the departures are fetched")
        long widget_refresh_seconds() default 60;

        @AttributeDefinition(name = "Service", options = {
                @Option(label = "MOTIS 2 (Transitous)", value = DeparturesSettings.MOTIS),
                @Option(label = "hafas-rest-api (db-rest, vbb-rest, ...)", value = DeparturesSettings.HAFAS)})
        String departures_provider() default DeparturesSettings.MOTIS;

        @AttributeDefinition(name = "Service address", description = "Base URL, e.g. https://api.transitous.org "
                + "or your db-rest instance")
        String departures_base_url() default "https://api.transitous.org";

        @AttributeDefinition(name = "Stop id", description = "The service's id of the stop, e.g. 900058101 (HAFAS) "
                + "or de-DELFI_de:15003:21210 (MOTIS)")
        String departures_stop();

        @AttributeDefinition(name = "Stop name", description = "Shown on the tile; empty for the service's",
                required = false)
        String departures_stop_name() default "";

        @AttributeDefinition(name = "Only these products", description = "express, regional, suburban, subway, "
                + "tram, bus, ferry, other; empty for all", required = false)
        String[] departures_products() default {};

        @AttributeDefinition(name = "Only these lines", description = "e.g. S1, 10, RE 7; empty for all",
                required = false)
        String[] departures_lines() default {};

        @AttributeDefinition(name = "Walking time (minutes)", description = "Departures sooner than this are "
                + "hidden (0-120)")
        int departures_walking_minutes() default 0;

        @AttributeDefinition(name = "Departures shown", description = "At most this many (1-30)")
        int departures_max() default 8;

        @AttributeDefinition(name = "Look ahead (minutes)", description = "hafas-rest-api: how far ahead to ask "
                + "(10-720)")
        int departures_duration_minutes() default 90;

        @AttributeDefinition(name = "MOTIS API version", description = "5 for MOTIS 2.5 and later (Transitous); "
                + "lower for older servers (1-9)")
        int departures_motis_api_version() default 5;
    }

    private final Checked<DeparturesSettings> settings;
    private final HttpFetcher http;

    @Activate
    public DeparturesWidget(Config config, @Reference HttpFetcher http) {
        this.settings = Checked.of(() -> DeparturesSettings.of(config));
        this.http = http;
    }

    @Override
    public ViewModel refresh(RefreshContext context) throws Exception {
        DeparturesSettings checked = settings.get();
        Instant now = context.clock().instant();
        Instant reachable = now.plus(checked.walking());
        // Ask for more than shown: filters and the walking time drop some.
        int wanted = Math.min(100, checked.max() * 3 + 10);
        DepartureProvider.Board board = checked.provider(http).departures(checked.stop(), now, wanted);
        List<Departure> shown = board.departures().stream()
                .filter(checked::shows)
                .filter(departure -> !departure.leaves().isBefore(reachable))
                .sorted(Comparator.comparing(Departure::leaves))
                .limit(checked.max())
                .toList();
        String stop = !checked.stopName().isEmpty() ? checked.stopName()
                : board.stopName() != null ? board.stopName() : checked.stop();
        return ViewModel.of(new DeparturesView(stop, (int) checked.walking().toMinutes(), shown), now);
    }
}
