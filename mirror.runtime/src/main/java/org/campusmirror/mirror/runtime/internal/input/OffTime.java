package org.campusmirror.mirror.runtime.internal.input;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configured off-time, e.g. {@code Mon-Fri 22:00-06:00}: the days it starts on (all days when left out), and
 * its local start and end. An end at or before the start is on the next day, so that example runs from Monday
 * 22:00 to Tuesday 06:00, and so on to Saturday 06:00. {@code 24:00} is the end of the day.
 *
 * @param days  the days the off-time starts on
 * @param start local start time
 * @param end   local end time; {@code null} stands for 24:00
 */
record OffTime(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
    private static final Pattern ENTRY =
            Pattern.compile("\\s*(?:(?<days>[\\p{L}, -]+?)\\s+)?(?<start>\\d{1,2}:\\d{2})\\s*-\\s*(?<end>\\d{1,2}:\\d{2})\\s*");
    // English names and abbreviations, and the German two-letter ones (Mo Di Mi Do Fr Sa So): none of them clash.
    private static final Map<String, DayOfWeek> DAY_NAMES = Map.ofEntries(
            Map.entry("mo", DayOfWeek.MONDAY), Map.entry("mon", DayOfWeek.MONDAY),
            Map.entry("tu", DayOfWeek.TUESDAY), Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("di", DayOfWeek.TUESDAY),
            Map.entry("we", DayOfWeek.WEDNESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
            Map.entry("mi", DayOfWeek.WEDNESDAY),
            Map.entry("th", DayOfWeek.THURSDAY), Map.entry("thu", DayOfWeek.THURSDAY),
            Map.entry("do", DayOfWeek.THURSDAY),
            Map.entry("fr", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY),
            Map.entry("sa", DayOfWeek.SATURDAY), Map.entry("sat", DayOfWeek.SATURDAY),
            Map.entry("su", DayOfWeek.SUNDAY), Map.entry("sun", DayOfWeek.SUNDAY), Map.entry("so", DayOfWeek.SUNDAY));

    /** Whether the off-time ends on the day after it starts. */
    boolean overnight() {
        return end != null && !end.isAfter(start);
    }

    /**
     * Parses {@code [days] HH:MM-HH:MM}; days are names or ranges separated by commas ({@code Mon-Fri},
     * {@code Sat,Sun}, {@code Fr-Mo}).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static OffTime parse(String entry) {
        Matcher matcher = ENTRY.matcher(entry == null ? "" : entry);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + entry + "' is not like 'Mon-Fri 22:00-06:00'");
        }
        Set<DayOfWeek> days = matcher.group("days") == null ? EnumSet.allOf(DayOfWeek.class)
                : parseDays(matcher.group("days"));
        LocalTime start = parseTime(matcher.group("start"), false);
        LocalTime end = parseTime(matcher.group("end"), true);
        if (start.equals(end)) {
            throw new IllegalArgumentException("'" + entry.strip() + "' starts and ends at the same time; a whole day "
                    + "is 00:00-24:00");
        }
        return new OffTime(days, start, end);
    }

    private static Set<DayOfWeek> parseDays(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String[] range = part.strip().split("\\s*-\\s*", -1);
            if (range.length > 2) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a day or a range of days");
            }
            DayOfWeek from = day(range[0]);
            DayOfWeek to = day(range[range.length - 1]);
            for (DayOfWeek day = from; ; day = day.plus(1)) {
                days.add(day);
                if (day == to) {
                    break;
                }
            }
        }
        return days;
    }

    private static DayOfWeek day(String name) {
        DayOfWeek day = DAY_NAMES.get(name.strip().toLowerCase(Locale.ROOT));
        if (day == null) {
            throw new IllegalArgumentException("'" + name.strip() + "' is not a day (Mon Tue Wed Thu Fri Sat Sun, or Mo "
                    + "Di Mi Do Fr Sa So)");
        }
        return day;
    }

    /** Returns null for 24:00 where allowed. */
    private static LocalTime parseTime(String text, boolean endOfDayAllowed) {
        if (endOfDayAllowed && text.equals("24:00")) {
            return null;
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time of day (00:00-23:59"
                    + (endOfDayAllowed ? ", or 24:00" : "") + ")");
        }
    }
}
