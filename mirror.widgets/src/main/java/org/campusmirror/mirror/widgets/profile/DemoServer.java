package org.campusmirror.mirror.widgets.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The demo profile's data sources in one loopback HTTP server on a free port: OpenMensa, MOTIS and hafas-rest-api
 * departures, Open-Meteo and an occupancy endpoint, answered with data generated for the moment of the request, plus
 * the bundled files under {@code demo/<kind>/} (timetable and news feeds) at {@code /files/<kind>/<file>}.
 */
public final class DemoServer implements AutoCloseable {
    private static final Pattern MEALS = Pattern.compile("/openmensa/api/v2/canteens/" + DemoCanteen.ID
            + "/days/(\\d{4}-\\d{2}-\\d{2})/meals");
    private static final Pattern FILE = Pattern.compile("/files/([a-z0-9-]+/[a-zA-Z0-9_.-]+)");
    private static final Pattern HAFAS = Pattern.compile("/db-rest/stops/[^/]+/departures");
    private static final Pattern ATOM_DAY = Pattern.compile("(?<=<(updated|published)>)\\d{4}-\\d{2}-\\d{2}");
    private static final Map<String, String> TYPES = Map.of("ics", "text/calendar; charset=utf-8",
            "rss", "application/rss+xml", "atom", "application/atom+xml", "xml", "application/xml",
            "json", "application/json; charset=utf-8");
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final ZoneId zone;
    private final DemoCanteen canteen = new DemoCanteen();
    private final DemoTransit transit = new DemoTransit();
    private final DemoWeather weather = new DemoWeather();
    private final DemoOccupancy occupancy = new DemoOccupancy();

    /** Starts on 127.0.0.1 and a free port. */
    public DemoServer(Clock clock, ZoneId zone) throws IOException {
        this.clock = clock;
        this.zone = zone;
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "mirror-demo-server");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Where the sources are, e.g. {@code http://127.0.0.1:40123}. */
    public URI base() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort());
    }

    static InputStream resource(String path) throws IOException {
        InputStream in = DemoServer.class.getClassLoader().getResourceAsStream("demo/" + path);
        if (in == null) {
            throw new IOException("no bundled demo file " + path);
        }
        return in;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = QueryString.parse(exchange.getRequestURI().getRawQuery());
            Instant now = clock.instant();
            byte[] body = answer(path, query, now);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String type = path.startsWith("/files/") ? TYPES.getOrDefault(extension(path), "application/octet-stream")
                    : JSON;
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The body for a path, or null for 404. */
    private byte[] answer(String path, Map<String, String> query, Instant now) throws IOException {
        LocalDate today = now.atZone(zone).toLocalDate();
        String canteenPath = "/openmensa/api/v2/canteens/" + DemoCanteen.ID;
        if (path.equals(canteenPath)) {
            try (InputStream in = resource("canteen/canteen.json")) {
                return in.readAllBytes();
            }
        }
        if (path.equals(canteenPath + "/days")) {
            return canteen.days(today);
        }
        Matcher meals = MEALS.matcher(path);
        if (meals.matches()) {
            try {
                return canteen.meals(LocalDate.parse(meals.group(1)));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        if (path.equals("/motis/api/v5/stoptimes")) {
            return transit.motis(now, count(query.get("n"), 20), zone);
        }
        if (HAFAS.matcher(path).matches()) {
            return transit.hafas(now, count(query.get("results"), 20), zone);
        }
        if (path.equals("/open-meteo/v1/forecast")) {
            return weather.forecast(now, zone(query.get("timezone")), count(query.get("forecast_days"), 7));
        }
        if (path.equals("/occupancy/library.json")) {
            return occupancy.library(now, zone);
        }
        Matcher file = FILE.matcher(path);
        if (file.matches() && !file.group(1).contains("..")) {
            try (InputStream in = resource(file.group(1))) {
                byte[] body = in.readAllBytes();
                return file.group(1).endsWith(".atom") ? recent(body, today) : body;
            } catch (IOException missing) {
                return null;
            }
        }
        return null;
    }

    /**
     * The Atom feed with its dates moved so the newest entry is from yesterday: the demo's news never look months
     * old, and no entry lies in the future.
     */
    static byte[] recent(byte[] atom, LocalDate today) {
        String text = new String(atom, StandardCharsets.UTF_8);
        LocalDate newest = ATOM_DAY.matcher(text).results().map(day -> LocalDate.parse(day.group()))
                .max(LocalDate::compareTo).orElse(null);
        if (newest == null) {
            return atom;
        }
        long shift = ChronoUnit.DAYS.between(newest, today.minusDays(1));
        return ATOM_DAY.matcher(text).replaceAll(day -> LocalDate.parse(day.group()).plusDays(shift).toString())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The zone a request names (as Open-Meteo's {@code timezone=}), else the mirror's. */
    private ZoneId zone(String name) {
        try {
            return name == null || name.isBlank() || name.equals("auto") ? zone : ZoneId.of(name);
        } catch (DateTimeException e) {
            return zone;
        }
    }

    private static int count(String text, int fallback) {
        try {
            return Math.max(1, Math.min(100, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Query parameters, decoded; the last value of a repeated name wins. */
    static final class QueryString {
        private QueryString() {
        }

        static Map<String, String> parse(String raw) {
            Map<String, String> values = new HashMap<>();
            if (raw == null) {
                return values;
            }
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
                }
            }
            return values;
        }

        private static String decode(String text) {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }
}
