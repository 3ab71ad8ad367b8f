package org.campusmirror.mirror.runtime.internal.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.campusmirror.mirror.runtime.internal.timing.ManualTimer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WidgetCacheTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final String ID = "org.campusmirror.widgets.Canteen~mensa";

    @TempDir
    Path folder;

    private final ManualTimer time = new ManualTimer(T0);

    private WidgetCache open(long maxBytes) throws Exception {
        WidgetCache cache = new WidgetCache(folder, maxBytes, time.clock());
        cache.open();
        return cache;
    }

    @Test
    void lastGoodDataComesBackAfterARestart() throws Exception {
        WidgetCache cache = open(1 << 20);
        cache.track(ID, 1);
        assertTrue(cache.offer(ID, 1, "canteen", "{\"meals\":[\"Linsen\"]}", T0.minusSeconds(90)));

        WidgetCache.Entry entry = open(1 << 20).load(ID, "canteen").orElseThrow();
        assertEquals(Map.of("meals", List.of("Linsen")), entry.data());
        assertEquals("{\"meals\":[\"Linsen\"]}", entry.dataJson());
        assertEquals(T0.minusSeconds(90), entry.asOf());
        assertEquals(T0, entry.savedAt());
    }

    @Test
    void aWriteCutOffBeforeItsRenameLeavesTheOldDataAndIsCleanedUp() throws Exception {
        WidgetCache cache = open(1 << 20);
        cache.track(ID, 1);
        cache.offer(ID, 1, "canteen", "{\"meals\":[\"old\"]}", T0);
        // What a kill between write and rename leaves: the good old file and part of the new one.
        String whole = Files.readString(cache.fileOf(ID)).replace("old", "new");
        Path temp = folder.resolve("." + ID + ".json.tmp");
        Files.writeString(temp, whole.substring(0, whole.length() / 2), StandardCharsets.UTF_8);

        WidgetCache restarted = open(1 << 20);
        assertFalse(Files.exists(temp), "the partial write is removed at start");
        assertEquals(Map.of("meals", List.of("old")), restarted.load(ID, "canteen").orElseThrow().data());
    }

    @Test
    void corruptForeignAndOtherKindsFilesAreIgnored() throws Exception {
        WidgetCache cache = open(1 << 20);
        Files.writeString(cache.fileOf("torn"), "{\"format\":\"campus-mirror-widget-cache\",\"version\":1,\"id\":\"to");
        Files.writeString(cache.fileOf("foreign"), "{\"hello\":\"world\"}");
        Files.writeString(cache.fileOf("binary"), "\u0000\u0001garbage");
        Files.writeString(folder.resolve("notes.txt"), "an admin's notes");
        cache.track("other", 1);
        cache.offer("other", 1, "weather", "{\"t\":3}", T0);

        WidgetCache restarted = open(1 << 20);
        assertTrue(restarted.load("torn", "canteen").isEmpty());
        assertTrue(restarted.load("foreign", "canteen").isEmpty());
        assertTrue(restarted.load("binary", "canteen").isEmpty());
        assertTrue(restarted.load("other", "canteen").isEmpty(), "cached by another kind");
        assertTrue(restarted.load("missing", "canteen").isEmpty());
        assertTrue(Files.exists(folder.resolve("notes.txt")), "foreign files are left alone");
    }

    @Test
    void changedDataIsRewrittenAtMostEveryThirtySecondsAndOnClose() throws Exception {
        WidgetCache cache = open(1 << 20);
        cache.track(ID, 1);
        assertTrue(cache.offer(ID, 1, "clock", "1", T0));
        time.advance(Duration.ofSeconds(10));
        assertFalse(cache.offer(ID, 1, "clock", "2", time.now()), "too soon: kept for later");
        time.advance(Duration.ofSeconds(25));
        assertTrue(cache.offer(ID, 1, "clock", "3", time.now()));
        assertFalse(cache.offer(ID, 1, "clock", "3", time.now().plusSeconds(60)), "same data, little newer: no write");
        time.advance(Duration.ofSeconds(5));
        assertFalse(cache.offer(ID, 1, "clock", "4", time.now()));
        cache.close();
        assertEquals("4", open(1 << 20).load(ID, "clock").orElseThrow().dataJson(), "the pending data on close");
    }

    @Test
    void unchangedDataIsRewrittenWhenItsTimeStampMovedOnAQuarterOfAnHour() throws Exception {
        WidgetCache cache = open(1 << 20);
        cache.track(ID, 1);
        cache.offer(ID, 1, "canteen", "{}", T0);
        time.advance(Duration.ofMinutes(16));
        assertTrue(cache.offer(ID, 1, "canteen", "{}", time.now()));
        assertEquals(time.now(), open(1 << 20).load(ID, "canteen").orElseThrow().asOf());
    }

    @Test
    void nothingIsWrittenForAForgottenWidgetOrAnOldGeneration() throws Exception {
        WidgetCache cache = open(1 << 20);
        cache.track(ID, 1);
        cache.offer(ID, 1, "canteen", "\"first\"", T0);
        FileTime written = Files.getLastModifiedTime(cache.fileOf(ID));
        cache.forget(ID);
        time.advance(Duration.ofHours(1));
        assertFalse(cache.offer(ID, 1, "canteen", "\"after removal\"", time.now()));
        cache.track(ID, 2);
        assertFalse(cache.offer(ID, 1, "canteen", "\"from the old instance\"", time.now()));
        cache.close();
        assertEquals(written, Files.getLastModifiedTime(cache.fileOf(ID)));
        assertEquals("\"first\"", open(1 << 20).load(ID, "canteen").orElseThrow().dataJson());
    }

    @Test
    void theCacheStaysUnderItsSizeDroppingTheLeastRecentlyWritten() throws Exception {
        WidgetCache cache = open(4096);
        String data = "\"" + "x".repeat(1000) + "\"";
        for (int i = 0; i < 8; i++) {
            cache.track("w" + i, 1);
            cache.offer("w" + i, 1, "k", data, T0);
            Files.setLastModifiedTime(cache.fileOf("w" + i), FileTime.from(T0.plusSeconds(i)));
        }
        long total;
        try (var files = Files.list(folder)) {
            total = files.mapToLong(file -> file.toFile().length()).sum();
        }
        assertTrue(total <= 4096, "total " + total);
        assertTrue(cache.load("w7", "k").isPresent(), "the newest stays");
        assertTrue(cache.load("w0", "k").isEmpty(), "the oldest went");
        assertFalse(cache.offer("w9", 1, "k", "\"" + "y".repeat(5000) + "\"", T0), "larger than the cache: untracked");
    }
}
