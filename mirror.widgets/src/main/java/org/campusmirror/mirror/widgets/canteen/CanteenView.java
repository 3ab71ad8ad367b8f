package org.campusmirror.mirror.widgets.canteen;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the canteen tile shows: the meals of one day for one price group.
 *
 * @param canteen     the canteen's name
 * @param date        the day shown (today, or tomorrow after the switch time, or the next open day)
 * @param wanted      the day the switch time asked for; differs from {@code date} when that day is closed
 * @param status      {@code OPEN}, {@code CLOSED} (no open day within a week) or {@code NO_PLAN}
 * @param closedDates closed days from {@code wanted} up to {@code date}
 * @param role        the price group, e.g. {@code students}
 * @param meals       the meals left after the category filters, at most the configured number
 * @param moreMeals   how many more there were
 */
public record CanteenView(String canteen, LocalDate date, LocalDate wanted, Status status,
        List<LocalDate> closedDates, String role, List<MealView> meals, int moreMeals) {

    public enum Status {
        OPEN, CLOSED, NO_PLAN
    }

    /**
     * One meal.
     *
     * @param name     e.g. "Hähnchenbrust in Sesampanade"
     * @param category e.g. "Schneller Teller"
     * @param icons    the dietary notes recognised, drawn as icons
     * @param notes    the notes as the canteen wrote them
     * @param price    the price group's price in euros, or null when not offered to it
     */
    public record MealView(String name, String category, List<DietaryNote> icons, List<String> notes,
            BigDecimal price) {
    }
}
