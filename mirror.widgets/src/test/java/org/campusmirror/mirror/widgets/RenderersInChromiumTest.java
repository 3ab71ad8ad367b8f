package org.campusmirror.mirror.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.campusmirror.mirror.widgets.announcements.internal.AnnouncementsWidget;
import org.campusmirror.mirror.widgets.common.Json;
import org.campusmirror.mirror.widgets.common.TestContext;
import org.campusmirror.mirror.widgets.news.Headline;
import org.campusmirror.mirror.widgets.news.NewsView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * The four renderers in a real headless Chromium (Debian's {@code chromium}): a harness page mounts each with a ctx
 * as RENDERERS.md describes it and feeds it view models the widgets computed (serialized as the ViewModel contract
 * says), some carrying HTML and script as text. Each tile must show its text, throw nothing, and create no element
 * from the data's markup.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RenderersInChromiumTest {
    private static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\">";
    private static final String NOW = "2026-10-26T09:30:00Z";

    @TempDir
    Path work;

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = RenderersInChromiumTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private String data() throws Exception {
        Path home = Files.createDirectories(work.resolve("home/calendars"));
        Files.write(home.resolve("week.ics"), org.campusmirror.mirror.widgets.timetable.TimetableFixtures.weekWith(HOSTILE));
        var context = TestContext.at(NOW, ZoneId.of("Europe/Berlin"), Locale.GERMANY);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("now", NOW);
        data.put("timetable", org.campusmirror.mirror.widgets.timetable.TimetableFixtures.refresh(work.resolve("home"),
                "week.ics", context));
        data.put("news", new NewsView(List.of(new Headline(HOSTILE + " Mensa öffnet", "Ab <b>Montag</b>", "AStA",
                Instant.parse("2026-10-26T07:00:00Z"))), 10, true, List.of()));
        data.put("clock", org.campusmirror.mirror.widgets.clock.ClockFixtures.view(context));
        data.put("announcements", new AnnouncementsWidget.AnnouncementsView(List.of(new AnnouncementsWidget.Item("a",
                "Bibliothek <script>x()</script> bis 22 Uhr", "Library until 10 pm", "important", null, null)), 8,
                List.of()));
        return Json.of(data);
    }

    @Test
    void renderersShowTheirDataAsTextInChromium() throws Exception {
        byte[] json = data().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body;
            String type;
            try {
                if (path.equals("/data.json")) {
                    body = json;
                    type = "application/json";
                } else if (path.startsWith("/widgets/")) {
                    // /widgets/<kind>/<file> comes from web/<kind>/<file>, as the whiteboard serves it
                    body = resource("/web/" + path.substring("/widgets/".length()));
                    type = path.endsWith(".js") ? "text/javascript" : "text/css";
                } else {
                    body = resource("/renderers" + path);
                    type = path.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8";
                }
            } catch (IOException e) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String dom;
        try {
            dom = dumpDom("http://127.0.0.1:" + server.getAddress().getPort() + "/harness.html");
        } finally {
            server.stop(0);
        }
        Matcher result = Pattern.compile("<pre id=\"result\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(result.find(), dom);
        String text = result.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
        assertFalse(text.contains("\"error\""), text);
        assertTrue(text.contains("\"images\":0"), "no element made from data: " + text);
        assertTrue(text.contains("\"title\":\"renderer harness\""), "no handler from the data ran: " + text);
        // Timetable: today's heading, the moved lecture with its times, room and category, marked as running.
        assertTrue(text.contains("Heute") && text.contains("Morgen"), text);
        assertTrue(text.contains("ganztägigDies academicus"), text);
        assertTrue(text.contains("10:00–11:30Analysis I (verlegt)Audimax · Vorlesung"), text);
        assertTrue(text.contains("\"running\":1"), text);
        assertTrue(text.contains(HOSTILE.replace("\"", "\\\"")), "markup in a title shows as text: " + text);
        // News, clock, announcements.
        assertTrue(text.contains("Mensa öffnet"), text);
        assertTrue(text.contains("Ab <b>Montag</b>"), text);
        assertTrue(text.contains("10:30:00"), "the clock with seconds, in Berlin: " + text);
        assertTrue(text.contains("KW 44"), text);
        assertTrue(text.contains("Montag, 26. Oktober 2026"), text);
        assertTrue(text.contains("WichtigBibliothek <script>x()</script> bis 22 Uhr"), text);
    }

    private String dumpDom(String url) throws Exception {
        Path profile = Files.createTempDirectory(work, "chromium-");
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom", url));
        Process process = new ProcessBuilder(command).redirectError(work.resolve("chromium.err").toFile()).start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IOException("chromium did not finish");
            }
            assertEquals(0, process.exitValue(), Files.readString(work.resolve("chromium.err")));
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly();
        }
    }
}
