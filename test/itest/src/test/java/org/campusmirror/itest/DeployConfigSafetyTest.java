package org.campusmirror.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A configuration from a file in deploy/, edited in the console, must survive a kill -9 in the middle of console
 * saves and the restart after it: the file is whole (never empty or cut), and the mirror comes back with the last
 * value the file holds. An edit of the file by the admin wins, as before; a file File Install only applied is not
 * rewritten (its comment stays); deleting the configuration in the console deletes the file.
 */
@Timeout(value = 240)
class DeployConfigSafetyTest {
    private static final String PASSWORD = "deploy-safety-test";
    private static final String FILE = "org.campusmirror.mirror.widgets.clock-safety.cfg";
    /** The title in the file as Config Admin's typed format writes it ({@code key="value"}, backslash escapes). */
    private static final Pattern TYPED_TITLE = Pattern.compile("widget\\.title=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void consoleSavesRacingAKillNineLeaveAWholeFileAndTheMirrorComesBackWithIt() throws Exception {
        Path home = MirrorProcess.workFolder("deploy-safety");
        Path file = home.resolve("deploy").resolve(FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# the hall clock, kept by the admin\nwidget.title=From the file\nwidget.region=top_bar\n");
        MirrorProcess.Options options = MirrorProcess.Options.in(home).withProperty("mirror.admin.password", PASSWORD);

        MirrorProcess mirror = MirrorProcess.start(options).awaitReady();
        String pid;
        List<String> saved = new CopyOnWriteArrayList<>();
        try {
            Eventually.await("the clock from the file shows", () -> snapshot(mirror).contains("From the file"));
            pid = pidOfTitle(mirror, "From the file");
            Thread.sleep(1500);
            assertTrue(Files.readString(file).startsWith("# the hall clock"), "a file only applied is not rewritten");

            ConsoleClient console = console(mirror);
            console.saveConfiguration(pid, Map.of("widget.title", "Console 0", "widget.region", "top_bar"));
            Eventually.await("the console's edit is in the file", Duration.ofSeconds(10),
                    () -> "Console 0".equals(fileTitle(Files.readString(file))));
            Eventually.await("and on the display", () -> snapshot(mirror).contains("Console 0"));

            // Saves one after another, and kill -9 while they go on.
            Thread saver = new Thread(() -> {
                for (int i = 1; i < 1000 && mirror.isAlive(); i++) {
                    try {
                        console.saveConfiguration(pid, Map.of("widget.title", "Console " + i, "widget.region",
                                "top_bar"));
                        saved.add("Console " + i);
                    } catch (Exception stopped) {
                        return;
                    }
                }
            }, "console-saves");
            saver.start();
            Eventually.await("a few saves", Duration.ofSeconds(30), () -> saved.size() >= 5);
            mirror.kill();
            saver.join(30_000);
            assertFalse(saver.isAlive(), "the saves end with the mirror");
        } finally {
            mirror.close();
        }

        String afterKill = Files.readString(file);
        String last = fileTitle(afterKill);
        assertTrue(last != null && last.startsWith("Console "), "a whole file with a saved title after kill -9:\n"
                + afterKill);
        assertTrue(afterKill.contains("widget.region=\"top_bar\""), afterKill);
        // The file is written before a save is answered: it holds the last answered save, or the one under way.
        assertTrue(last.equals(saved.get(saved.size() - 1)) || last.equals(nextOf(saved)),
                last + " is the last save answered or the next: " + saved);
        try (var leftovers = Files.list(file.getParent())) {
            List<String> names = leftovers.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().allMatch(n -> n.equals(FILE) || n.startsWith(".")), names.toString());
        }

        System.out.printf("FIGURE deploy: %d console saves answered before kill -9; the file holds %s%n", saved.size(),
                last);
        MirrorProcess restarted = MirrorProcess.start(options).awaitReady();
        try {
            Eventually.await("the mirror comes back with " + last, () -> snapshot(restarted).contains(last));
            assertEquals(last, pidTitle(restarted, pid), "Config Admin holds what the file holds");

            // The admin edits the file: it wins.
            Files.writeString(file, "widget.title=Edited in deploy\nwidget.region=top_bar\n");
            Eventually.await("the file's edit shows", Duration.ofSeconds(15),
                    () -> snapshot(restarted).contains("Edited in deploy"));
            assertEquals("Edited in deploy", pidTitle(restarted, pid));

            console(restarted).deleteConfiguration(pid);
            Eventually.await("deleting it in the console deletes its file", Duration.ofSeconds(10),
                    () -> !Files.exists(file));
        } finally {
            restarted.close();
        }
    }

    private static String fileTitle(String file) {
        Matcher title = TYPED_TITLE.matcher(file);
        return title.find() ? title.group(1).replaceAll("\\\\(.)", "$1") : null;
    }

    /** The title the next save would have written: the kill may land after the file but before the answer. */
    private static String nextOf(List<String> saved) {
        return "Console " + (saved.size() + 1);
    }

    private static ConsoleClient console(MirrorProcess mirror) {
        return new ConsoleClient(mirror.options().httpPort(), "admin", PASSWORD);
    }

    private static String snapshot(MirrorProcess mirror) throws Exception {
        return ConsoleClient.anonymous(mirror.options().httpPort()).get("/display/snapshot.json").body();
    }

    private static String pidOfTitle(MirrorProcess mirror, String title) throws Exception {
        List<String> pids = new ArrayList<>();
        for (JsonNode configuration : ConsoleClient.json(console(mirror).get("/system/console/configMgr/*.json"))) {
            if (configuration.toString().contains(title)) {
                pids.add(configuration.path("pid").asText());
            }
        }
        assertEquals(1, pids.size(), pids.toString());
        return pids.get(0);
    }

    private static String pidTitle(MirrorProcess mirror, String pid) throws Exception {
        for (JsonNode configuration : ConsoleClient.json(console(mirror).get("/system/console/configMgr/*.json"))) {
            if (configuration.path("pid").asText().equals(pid)) {
                JsonNode title = configuration.path("properties").path("widget.title").path("value");
                return title.isTextual() ? title.asText() : configuration.toString();
            }
        }
        return "no configuration " + pid;
    }
}
