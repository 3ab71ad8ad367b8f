package org.campusmirror.mirror.widgets.canteen;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.http.FetchRequest;
import org.campusmirror.mirror.widgets.http.FetchResponse;
import org.campusmirror.mirror.widgets.http.HttpFetcher;
import org.campusmirror.mirror.widgets.http.HttpStatusException;
import org.campusmirror.mirror.widgets.http.HttpUrls;
import org.campusmirror.mirror.widgets.http.Json;
import org.campusmirror.mirror.widgets.http.LinkHeader;
import org.campusmirror.mirror.widgets.http.MalformedBodyException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The OpenMensa API v2 ({@code /canteens/{id}}, {@code /days}, {@code /days/{date}/meals}) through the shared
 * fetcher: paging by {@code Link: rel="next"} or {@code X-Total-Pages}, a 404 for a day as "no plan".
 */
final class OpenMensa {
    static final int MAX_PAGES = 5;
    private static final long MAX_BYTES = 512 * 1024;
    private static final Pattern PAGE = Pattern.compile("([?&])page=\\d+");

    record Day(LocalDate date, boolean closed) {
    }

    record Meal(String name, String category, List<String> notes, JsonNode prices) {
    }

    private final HttpFetcher http;
    private final String base;
    private final int canteen;

    OpenMensa(HttpFetcher http, String base, int canteen) {
        this.http = http;
        this.base = base;
        this.canteen = canteen;
    }

    /** The canteen's name; an unknown id is a configuration error. */
    String canteenName() throws IOException, WidgetConfigurationException {
        FetchResponse response;
        try {
            response = get(URI.create(base + "/canteens/" + canteen));
        } catch (HttpStatusException e) {
            if (e.status() == 404) {
                throw new WidgetConfigurationException("canteen.id: " + HttpUrls.forDisplay(URI.create(base))
                        + " knows no canteen " + canteen);
            }
            throw e;
        }
        JsonNode name = Json.tree(response).path("name");
        return name.isTextual() && !name.asText().isBlank() ? name.asText().strip() : "Mensa " + canteen;
    }

    /** The days the canteen lists, following up to {@value #MAX_PAGES} pages or until {@code until}. */
    List<Day> days(LocalDate until) throws IOException {
        List<Day> days = new ArrayList<>();
        URI page = URI.create(base + "/canteens/" + canteen + "/days");
        for (int pages = 1; page != null && pages <= MAX_PAGES; pages++) {
            FetchResponse response = get(page);
            JsonNode list = Json.tree(response);
            if (!list.isArray()) {
                throw new MalformedBodyException(HttpUrls.forDisplay(page) + " sent no list of days", null);
            }
            boolean beyond = false;
            for (JsonNode day : list) {
                LocalDate date = date(day.path("date").asText(""));
                if (date != null) {
                    days.add(new Day(date, day.path("closed").asBoolean(false)));
                    beyond |= date.isAfter(until);
                }
            }
            page = beyond ? null : nextPage(response, pages);
        }
        return days;
    }

    /** The meals of one day, or empty when OpenMensa has no plan for it (404). */
    Optional<List<Meal>> meals(LocalDate date) throws IOException {
        URI uri = URI.create(base + "/canteens/" + canteen + "/days/" + date + "/meals");
        FetchResponse response;
        try {
            response = get(uri);
        } catch (HttpStatusException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        JsonNode list = Json.tree(response);
        if (!list.isArray()) {
            throw new MalformedBodyException(HttpUrls.forDisplay(uri) + " sent no list of meals", null);
        }
        List<Meal> meals = new ArrayList<>();
        for (JsonNode meal : list) {
            String name = meal.path("name").asText("").strip();
            if (name.isEmpty()) {
                continue;
            }
            List<String> notes = new ArrayList<>();
            for (JsonNode note : meal.path("notes")) {
                if (note.isTextual() && !note.asText().isBlank()) {
                    notes.add(note.asText().strip());
                }
            }
            meals.add(new Meal(name, meal.path("category").asText("").strip(), List.copyOf(notes),
                    meal.path("prices")));
        }
        return Optional.of(meals);
    }

    private FetchResponse get(URI uri) throws IOException {
        return http.fetch(FetchRequest.get(uri).withAccept("application/json").withMaxBytes(MAX_BYTES));
    }

    /** The next page: the {@code Link} header's, else page n+1 while {@code X-Total-Pages} says there is one. */
    static URI nextPage(FetchResponse response, int current) {
        Optional<URI> linked = LinkHeader.find(response, "next");
        if (linked.isPresent()) {
            return linked.get();
        }
        long total = response.header("X-Total-Pages").map(OpenMensa::number).orElse(1L);
        if (current >= total) {
            return null;
        }
        String uri = response.uri().toString();
        Matcher page = PAGE.matcher(uri);
        String next = page.find() ? page.replaceFirst("$1page=" + (current + 1))
                : uri + (uri.contains("?") ? "&" : "?") + "page=" + (current + 1);
        return URI.create(next);
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
