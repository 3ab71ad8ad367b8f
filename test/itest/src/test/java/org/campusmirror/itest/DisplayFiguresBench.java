package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The display figures of issue 13, measured on the real mirror.jar with the JVM options given in
 * {@code itest.java.opts} (test/bench/measure-display.sh passes bin/mirror's) and real headless Chromium pages as
 * displays. Not part of the test run (no *Test name): run it with that script. It prints a table and writes it to
 * {@code target/display-figures.txt}.
 * <ol>
 * <li>refresh to DOM: fixture source widgets refresh every second and stamp the moment their refresh ended; a
 * MutationObserver in the page stamps the moment the value reached the DOM (both are this machine's wall clock);</li>
 * <li>RSS with ten widgets (six refreshing every second, four example widgets) and five displays;</li>
 * <li>start to ready with those ten widgets configured, restarting on the same home;</li>
 * <li>idle CPU with one display and nothing due (the source widgets deleted, the four example widgets refresh
 * hourly): the mirror process's CPU time over a minute from /proc, and which threads used any.</li>
 * </ol>
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class DisplayFiguresBench {
    private static final String PASSWORD = "display-figures-password";
    private static final String EXAM_PID = "org.campusmirror.sample.widget.ExamCountdown";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int SOURCES = 6;
    private static final int EXAMS = 4;
    private static final int DISPLAYS = 5;
    private static final Duration LATENCY_RUN = Duration.ofSeconds(Long.getLong("figures.latency.seconds", 60));
    private static final Duration IDLE_RUN = Duration.ofSeconds(Long.getLong("figures.idle.seconds", 60));
    private static final int RESTARTS = Integer.getInteger("figures.restarts", 3);
    private static final Pattern READY_MS = Pattern.compile("Campus Mirror ready \\(([^)]*)\\) (\\d+) ms after JVM start");
    private static final Pattern WIDGETS_READY = Pattern.compile(
            "Widgets ready: (\\d+) on the display, (\\d+) refreshed([^\\n]*)");
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final List<String> report = new ArrayList<>();

    @Test
    void figures() throws Exception {
        Path home = MirrorProcess.workFolder("figures").resolve("home");
        FixtureWidgets.deploy(home.resolve("deploy"));
        Files.copy(TestBundles.sampleWidget(), home.resolve("deploy").resolve("sample.widget.jar"));
        MirrorProcess.Options options = MirrorProcess.Options.in(home).withProperty("mirror.admin.password", PASSWORD);
        line("JVM options: %s", System.getProperty("itest.java.opts", "(the itest defaults)"));
        line("machine: %d cores, load average before: %s", Runtime.getRuntime().availableProcessors(), loadAverage());
        MirrorProcess mirror = MirrorProcess.start(options).awaitReady();
        try (ValueSource source = new ValueSource(); Browser browser = Browser.launch()) {
            ConsoleClient console = new ConsoleClient(options.httpPort(), "admin", PASSWORD);
            List<String> sources = new ArrayList<>();
            for (int i = 0; i < SOURCES; i++) {
                sources.add(console.createFactoryConfiguration(FixtureWidgets.SOURCE, Map.of("url", source.url(),
                        "widget.region", i % 2 == 0 ? "bottom_left" : "bottom_right", "widget.title", "Source " + i)));
            }
            for (int i = 0; i < EXAMS; i++) {
                console.createFactoryConfiguration(EXAM_PID, Map.of("exam", "Exam " + i, "startsAt",
                        LocalDate.now().plusDays(3 + i) + "T09:00", "location", "Room " + i));
            }
            String display = "http://127.0.0.1:" + options.httpPort() + "/";
            List<BrowserPage> pages = new ArrayList<>();
            pages.add(browser.open(display, 1080, 1920));
            pages.get(0).await("ten tiles with data", WAIT, "document.querySelectorAll('[data-widget-id]').length === "
                    + (SOURCES + EXAMS) + " && document.querySelectorAll('.source-value[data-produced-at]').length === "
                    + SOURCES);

            latency(pages.get(0));

            for (int i = 1; i < DISPLAYS; i++) {
                pages.add(browser.open(display, 1080, 1920));
            }
            Eventually.await("five displays connected", () -> console.mirrorState().path("displays").size() == DISPLAYS);
            Thread.sleep(20_000);
            line("RSS, %d widgets (%d refreshing every second), %d displays: VmRSS %s, VmHWM %s", SOURCES + EXAMS,
                    SOURCES, DISPLAYS, status(mirror, "VmRSS"), status(mirror, "VmHWM"));

            for (BrowserPage page : pages.subList(1, pages.size())) {
                page.close();
            }
            mirror = restarts(mirror, options);

            ConsoleClient restarted = new ConsoleClient(options.httpPort(), "admin", PASSWORD);
            for (String pid : sources) {
                restarted.deleteConfiguration(pid);
            }
            Eventually.await("one display, four widgets", () -> {
                JsonNode state = restarted.mirrorState();
                return state.path("displays").size() == 1 && state.path("widgets").size() == EXAMS;
            });
            idleCpu(mirror);
        } finally {
            mirror.close();
            line("load average after: %s", loadAverage());
            Files.write(Path.of("target", "display-figures.txt"), report);
            System.out.println(String.join("\n", report));
        }
    }

    private void latency(BrowserPage page) throws Exception {
        page.evaluate("""
                window.__latencies = [];
                new MutationObserver((records) => {
                    const now = performance.timeOrigin + performance.now();
                    for (const record of records) {
                        window.__latencies.push(now - Number(record.target.dataset.producedAt));
                    }
                }).observe(document.body, {subtree: true, attributes: true, attributeFilter: ['data-produced-at']});
                true""");
        Thread.sleep(LATENCY_RUN.toMillis());
        List<Double> samples = new ArrayList<>();
        page.evaluate("window.__latencies").forEach(value -> samples.add(value.asDouble()));
        samples.sort(Double::compare);
        assertTrue(samples.size() >= LATENCY_RUN.toSeconds() * SOURCES / 2, samples.size() + " samples");
        line("refresh to DOM, %d samples over %d s (%d widgets, one display): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms,"
                + " max %.1f ms", samples.size(), LATENCY_RUN.toSeconds(), SOURCES, percentile(samples, 50),
                percentile(samples, 90), percentile(samples, 99), samples.get(samples.size() - 1));
    }

    private void idleCpu(MirrorProcess mirror) throws Exception {
        Thread.sleep(15_000); // the deleted widgets' last refreshes and log lines are over
        Map<String, Long> before = threadTicks(mirror);
        long start = System.nanoTime();
        Thread.sleep(IDLE_RUN.toMillis());
        Map<String, Long> after = threadTicks(mirror);
        double seconds = (System.nanoTime() - start) / 1e9;
        long total = 0;
        List<String> busy = new ArrayList<>();
        for (Map.Entry<String, Long> thread : after.entrySet()) {
            long used = thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
            total += used;
            if (used > 0) {
                busy.add(thread.getKey().replaceAll("^\\d+ ", "") + " " + used * 10 + " ms");
            }
        }
        line("idle CPU, one display, %d example widgets (hourly): %.2f %% of one core (%d ms CPU in %.0f s); threads"
                + " that ran: %s", EXAMS, 100.0 * total / CLOCK_TICKS_PER_SECOND / seconds,
                total * 1000 / CLOCK_TICKS_PER_SECOND, seconds, busy);
    }

    /** Restarts the mirror on the same home; returns the one running now. */
    private MirrorProcess restarts(MirrorProcess first, MirrorProcess.Options options) throws Exception {
        MirrorProcess mirror = first;
        for (int run = 1; run <= RESTARTS; run++) {
            mirror.stop();
            long started = System.nanoTime();
            mirror = MirrorProcess.start(options).awaitReady();
            long wall = (System.nanoTime() - started) / 1_000_000;
            String output = mirror.output();
            Matcher ready = READY_MS.matcher(output);
            Matcher widgets = WIDGETS_READY.matcher(output);
            assertTrue(ready.find() && widgets.find(), output);
            line("restart %d: ready %s ms after JVM start (%d ms from launching java), parts %s; widgets: %s on the"
                    + " display, %s refreshed%s", run, ready.group(2), wall, ready.group(1),
                    widgets.group(1), widgets.group(2), widgets.group(3));
        }
        return mirror;
    }

    private static double percentile(List<Double> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** CPU ticks of each thread of the mirror (id and name), from /proc/PID/task/TID/stat. */
    private static Map<String, Long> threadTicks(MirrorProcess mirror) throws IOException {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(mirror.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                // pid (comm) state ppid ... field 14 utime, 15 stime; comm may hold spaces, so split after ')'.
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks.put(task.getFileName() + " " + name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
            }
        }
        return ticks;
    }

    private static String status(MirrorProcess mirror, String field) throws IOException {
        for (String row : Files.readAllLines(Path.of("/proc", Long.toString(mirror.pid()), "status"))) {
            if (row.startsWith(field + ":")) {
                long kib = Long.parseLong(row.replaceAll("\\D", ""));
                return String.format(Locale.ROOT, "%.1f MB", kib * 1024 / 1e6);
            }
        }
        throw new IOException("no " + field);
    }

    private static String loadAverage() throws IOException {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    private void line(String format, Object... values) {
        String text = String.format(Locale.ROOT, format, values);
        report.add(text);
        System.out.println("[figures] " + text);
    }
}
