package org.campusmirror.mirror.widgets.canteen;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.campusmirror.mirror.widget.RefreshContext;
import org.campusmirror.mirror.widget.ViewModel;
import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.canteen.CanteenView.MealView;
import org.campusmirror.mirror.widgets.canteen.CanteenView.Status;
import org.campusmirror.mirror.widgets.http.HttpFetcher;

/**
 * Which day to show and its meals: today, or tomorrow from the switch time on; a closed day moves on to the next
 * open one within a week, naming the closed days; a day OpenMensa has no plan for shows "no plan".
 */
final class Canteen {
    static final int LOOK_AHEAD_DAYS = 7;

    private final CanteenSettings settings;
    private final OpenMensa api;
    private volatile String name;

    Canteen(CanteenSettings settings, HttpFetcher http) {
        this.settings = settings;
        this.api = new OpenMensa(http, settings.baseUrl(), settings.canteenId());
    }

    ViewModel refresh(RefreshContext context) throws IOException, WidgetConfigurationException {
        Instant now = context.clock().instant();
        ZonedDateTime local = now.atZone(context.zone());
        LocalDate wanted = local.toLocalDate();
        if (!local.toLocalTime().isBefore(settings.switchTime())) {
            wanted = wanted.plusDays(1);
        }
        if (name == null) {
            name = api.canteenName(); // the name hardly changes: asked once per configuration
        }
        LocalDate last = wanted.plusDays(LOOK_AHEAD_DAYS);
        Map<LocalDate, Boolean> closedByDate = new TreeMap<>();
        for (OpenMensa.Day day : api.days(last)) {
            if (!day.date().isBefore(wanted) && !day.date().isAfter(last)) {
                closedByDate.merge(day.date(), day.closed(), Boolean::logicalOr);
            }
        }
        List<LocalDate> closed = new ArrayList<>();
        LocalDate shown = null;
        for (Map.Entry<LocalDate, Boolean> day : closedByDate.entrySet()) {
            if (!day.getValue()) {
                shown = day.getKey();
                break;
            }
            closed.add(day.getKey());
        }
        if (shown == null && closed.isEmpty()) {
            // Not listed at all: ask for the day anyway; a 404 then says "no plan".
            shown = wanted;
        }
        if (shown == null) {
            return view(now, wanted, wanted, Status.CLOSED, closed, List.of());
        }
        Optional<List<OpenMensa.Meal>> meals = api.meals(shown);
        if (meals.isEmpty()) {
            return view(now, shown, wanted, Status.NO_PLAN, closed, List.of());
        }
        return view(now, shown, wanted, Status.OPEN, closed, meals.get());
    }

    private ViewModel view(Instant now, LocalDate date, LocalDate wanted, Status status, List<LocalDate> closed,
            List<OpenMensa.Meal> meals) {
        List<MealView> shown = new ArrayList<>();
        int more = 0;
        for (OpenMensa.Meal meal : meals) {
            if (!settings.shows(meal.category())) {
                continue;
            }
            if (shown.size() < settings.maxMeals()) {
                shown.add(new MealView(meal.name(), meal.category(), DietaryNote.of(meal.notes()), meal.notes(),
                        settings.role().priceIn(meal.prices())));
            } else {
                more++;
            }
        }
        return ViewModel.of(new CanteenView(name, date, wanted, status, List.copyOf(closed), settings.role().id(),
                List.copyOf(shown), more), now);
    }
}
