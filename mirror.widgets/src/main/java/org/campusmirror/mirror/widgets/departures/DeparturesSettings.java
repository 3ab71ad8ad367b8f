package org.campusmirror.mirror.widgets.departures;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.common.SettingChecks;
import org.campusmirror.mirror.widgets.common.TileSettings;
import org.campusmirror.mirror.widgets.http.HttpFetcher;

/** A departures configuration, checked; every message names the setting. */
record DeparturesSettings(String provider, String baseUrl, String stop, String stopName, Set<Product> products,
        Set<String> lines, Duration walking, int max, int durationMinutes, int motisApiVersion) {
    static final String HAFAS = "hafas";
    static final String MOTIS = "motis";

    static DeparturesSettings of(DeparturesWidget.Config config) throws WidgetConfigurationException {
        TileSettings.check(config.widget_title(), config.widget_region(), config.widget_page(),
                config.widget_refresh_seconds());
        String provider = config.departures_provider() == null ? "" : config.departures_provider().strip()
                .toLowerCase(Locale.ROOT);
        if (!provider.equals(HAFAS) && !provider.equals(MOTIS)) {
            throw new WidgetConfigurationException("departures.provider: '" + config.departures_provider()
                    + "' is neither hafas (hafas-rest-api, db-rest) nor motis (MOTIS 2, Transitous)");
        }
        String base = SettingChecks.baseUrl("departures.base.url", config.departures_base_url());
        String stop = SettingChecks.required("departures.stop", config.departures_stop());
        if (stop.length() > 200) {
            throw new WidgetConfigurationException("departures.stop: longer than 200 characters");
        }
        Set<Product> products = EnumSet.noneOf(Product.class);
        for (String value : SettingChecks.entries(config.departures_products())) {
            Product product = Product.parseSetting(value);
            if (product == null) {
                throw new WidgetConfigurationException("departures.products: '" + value + "' is none of "
                        + List.of(Product.values()).stream().map(Product::id).collect(Collectors.joining(", ")));
            }
            products.add(product);
        }
        Set<String> lines = SettingChecks.entries(config.departures_lines()).stream()
                .map(DeparturesSettings::lineKey).collect(Collectors.toUnmodifiableSet());
        int walking = (int) SettingChecks.range("departures.walking.minutes", config.departures_walking_minutes(), 0,
                120);
        int max = (int) SettingChecks.range("departures.max", config.departures_max(), 1, 30);
        int duration = (int) SettingChecks.range("departures.duration.minutes", config.departures_duration_minutes(),
                10, 720);
        int version = (int) SettingChecks.range("departures.motis.api.version", config.departures_motis_api_version(),
                1, 9);
        String name = config.departures_stop_name() == null ? "" : config.departures_stop_name().strip();
        return new DeparturesSettings(provider, base, stop, name, Set.copyOf(products), lines,
                Duration.ofMinutes(walking), max, duration, version);
    }

    /** Lines compare without case and blanks: {@code RE 7} and {@code re7} are the same line. */
    static String lineKey(String line) {
        return line.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }

    DepartureProvider provider(HttpFetcher http) {
        return provider.equals(MOTIS) ? new MotisProvider(http, baseUrl, motisApiVersion)
                : new HafasRestProvider(http, baseUrl, durationMinutes);
    }

    boolean shows(Departure departure) {
        return (products.isEmpty() || products.contains(departure.product()))
                && (lines.isEmpty() || lines.contains(lineKey(departure.line())));
    }
}
