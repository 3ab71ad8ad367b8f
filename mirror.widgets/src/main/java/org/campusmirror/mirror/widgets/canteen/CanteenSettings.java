package org.campusmirror.mirror.widgets.canteen;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.common.SettingChecks;
import org.campusmirror.mirror.widgets.common.TileSettings;

/** A canteen configuration, checked; every message names the setting. */
record CanteenSettings(String baseUrl, int canteenId, PriceRole role, LocalTime switchTime, Set<String> include,
        Set<String> exclude, int maxMeals) {

    static CanteenSettings of(CanteenWidget.Config config) throws WidgetConfigurationException {
        TileSettings.check(config.widget_title(), config.widget_region(), config.widget_page(),
                config.widget_refresh_seconds());
        String base = SettingChecks.baseUrl("canteen.base.url", config.canteen_base_url());
        int id = (int) SettingChecks.range("canteen.id", config.canteen_id(), 1, Integer.MAX_VALUE);
        PriceRole role = PriceRole.parse(config.canteen_price_role());
        if (role == null) {
            throw new WidgetConfigurationException("canteen.price.role: '" + config.canteen_price_role()
                    + "' is none of students, employees, pupils, others");
        }
        LocalTime switchTime = SettingChecks.timeOfDay("canteen.switch.time", config.canteen_switch_time());
        int maxMeals = (int) SettingChecks.range("canteen.max.meals", config.canteen_max_meals(), 1, 30);
        return new CanteenSettings(base, id, role, switchTime, lowerCase(config.canteen_categories_include()),
                lowerCase(config.canteen_categories_exclude()), maxMeals);
    }

    private static Set<String> lowerCase(String[] values) {
        List<String> entries = SettingChecks.entries(values);
        return entries.stream().map(value -> value.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a meal of this category is shown: in the include list (when there is one) and not excluded. */
    boolean shows(String category) {
        String key = category.strip().toLowerCase(Locale.ROOT);
        return (include.isEmpty() || include.contains(key)) && !exclude.contains(key);
    }
}
