package org.campusmirror.mirror.runtime.internal.layout;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The display's pages, their rotation, and its language and time zone, parsed from {@link LayoutConfiguration}.
 * What cannot be parsed falls back to the default and is named in {@link #problems()} (logged, and shown in the
 * console), so a typo never leaves the mirror without a page.
 *
 * @param pages    in order, at least one
 * @param rotate   whether pages move on by themselves
 * @param locale   the display's locale, German or English
 * @param zone     the display's time zone
 * @param problems what was wrong with the configuration, in words for an admin
 */
public record Layout(List<Page> pages, boolean rotate, Locale locale, ZoneId zone, List<String> problems) {
    public static final String DEFAULT_PAGE = "main";
    public static final Duration DEFAULT_SHOW_FOR = Duration.ofSeconds(30);
    public static final String DEFAULT_LOCALE = "de-DE";
    public static final String DEFAULT_ZONE = "Europe/Berlin";
    static final long MAX_SECONDS = 86_400;
    /** Every display gets the list of pages with each snapshot: a mistaken paste must not make it huge. */
    static final int MAX_PAGES = 32;
    private static final Pattern PAGE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Set<String> LANGUAGES = Set.of("de", "en");

    public Layout {
        pages = List.copyOf(pages);
        problems = List.copyOf(problems);
    }

    /** The layout of a mirror nobody configured: one page, German, Berlin. */
    public static Layout defaults() {
        return parse(new String[] {DEFAULT_PAGE}, true, DEFAULT_LOCALE, DEFAULT_ZONE);
    }

    public static Layout from(LayoutConfiguration config) {
        return parse(config.pages(), config.rotate(), config.locale(), config.timeZone());
    }

    /**
     * @param pageEntries {@code name} or {@code name=seconds}, in order; an entry may hold several, comma-separated
     * @param localeTag   a BCP 47 tag whose language is {@code de} or {@code en}
     * @param zoneId      an IANA time zone
     */
    public static Layout parse(String[] pageEntries, boolean rotate, String localeTag, String zoneId) {
        List<String> problems = new ArrayList<>();
        List<Page> pages = parsePages(pageEntries == null ? new String[0] : pageEntries, problems);
        return new Layout(pages, rotate, parseLocale(localeTag, problems), parseZone(zoneId, problems), problems);
    }

    public Page firstPage() {
        return pages.get(0);
    }

    public Optional<Page> page(String name) {
        return pages.stream().filter(page -> page.name().equals(name)).findFirst();
    }

    /** The page {@code steps} after {@code name} (negative: before), wrapping around; the first when unknown. */
    public Page pageAfter(String name, int steps) {
        int index = 0;
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).name().equals(name)) {
                index = i;
            }
        }
        return pages.get(Math.floorMod(index + steps, pages.size()));
    }

    /** The language tag the page uses, e.g. {@code de-DE}. */
    public String localeTag() {
        return locale.toLanguageTag();
    }

    private static List<Page> parsePages(String[] entries, List<String> problems) {
        List<Page> pages = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> split = new ArrayList<>();
        for (String entry : entries) {
            // "main=30, transport=20" in one field is as good as two entries (a page name has no comma).
            split.addAll(List.of(entry == null ? new String[0] : entry.split(",")));
        }
        for (String entry : split) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", 2);
            String name = parts[0].strip();
            if (!PAGE_NAME.matcher(name).matches()) {
                problems.add("page '" + entry.strip() + "' ignored: a page name is 1-32 letters, digits, - or _");
                continue;
            }
            if (!names.add(name)) {
                problems.add("page '" + name + "' is listed twice; the second is ignored");
                continue;
            }
            if (pages.size() == MAX_PAGES) {
                problems.add("more than " + MAX_PAGES + " pages; '" + name + "' and the ones after it are ignored");
                break;
            }
            Duration showFor = DEFAULT_SHOW_FOR;
            if (parts.length == 2) {
                try {
                    long seconds = Long.parseLong(parts[1].strip());
                    if (seconds < 0 || seconds > MAX_SECONDS) {
                        throw new NumberFormatException();
                    }
                    showFor = Duration.ofSeconds(seconds);
                } catch (NumberFormatException e) {
                    problems.add("page '" + name + "': '" + parts[1].strip() + "' is no number of seconds from 0 to "
                            + MAX_SECONDS + "; " + DEFAULT_SHOW_FOR.toSeconds() + " s used");
                }
            }
            pages.add(new Page(name, showFor));
        }
        if (pages.isEmpty()) {
            pages.add(new Page(DEFAULT_PAGE, DEFAULT_SHOW_FOR));
        }
        return pages;
    }

    private static Locale parseLocale(String tag, List<String> problems) {
        String text = tag == null ? "" : tag.strip();
        try {
            Locale locale = new Locale.Builder().setLanguageTag(text).build();
            if (LANGUAGES.contains(locale.getLanguage())) {
                return locale;
            }
            problems.add("locale '" + text + "': the display speaks German (de) or English (en); " + DEFAULT_LOCALE
                    + " used");
        } catch (IllformedLocaleException e) {
            problems.add("locale '" + text + "' is no BCP 47 tag (like de-DE or en-GB); " + DEFAULT_LOCALE + " used");
        }
        return Locale.forLanguageTag(DEFAULT_LOCALE);
    }

    private static ZoneId parseZone(String id, List<String> problems) {
        String text = id == null ? "" : id.strip();
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            problems.add("time zone '" + text + "' is unknown (use an IANA name like Europe/Berlin); " + DEFAULT_ZONE
                    + " used");
            return ZoneId.of(DEFAULT_ZONE);
        }
    }
}
