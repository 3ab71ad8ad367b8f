package org.campusmirror.mirror.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.campusmirror.mirror.fleet.trust.Envelope;
import org.campusmirror.mirror.fleet.trust.FleetKeys;
import org.campusmirror.mirror.widgets.announcements.Announcement;
import org.campusmirror.mirror.widgets.announcements.AnnouncementBoard;
import org.campusmirror.mirror.widgets.announcements.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class FleetAnnouncementsTest {
    private static final String ALL = "campusmirror/announce/all";
    private static final String LIBRARY = "campusmirror/announce/library";
    private static final String DRILL = "{\"id\":\"drill\",\"text\":{\"de\":\"Probealarm\",\"en\":\"Fire drill\"},"
            + "\"priority\":\"urgent\"}";
    private final ObjectMapper json = new ObjectMapper();
    private final KeyPair fleet = FleetKeys.generate();
    private final RecordingBoard board = new RecordingBoard();
    private final List<FleetEvent> events = new ArrayList<>();

    @TempDir
    Path folder;

    private FleetAnnouncements announcements(boolean acceptUnsigned) {
        return new FleetAnnouncements(folder.resolve("announcements.json"), json, () -> board, acceptUnsigned,
                fleet::getPublic, events::add);
    }

    @Test
    void anAnnouncementGoesOnTheBoardAndAnEmptyPayloadTakesItOff() {
        FleetAnnouncements announcements = announcements(true);
        announcements.received(ALL, "all", DRILL.getBytes(StandardCharsets.UTF_8));
        Announcement shown = board.items.get("fleet:all:drill");
        assertEquals("Probealarm", shown.textDe());
        assertEquals(Priority.URGENT, shown.priority());
        assertEquals("fleet", shown.source());
        announcements.received(ALL, "all", new byte[0]);
        assertEquals(Map.of(), board.items);
    }

    @Test
    void theCacheShowsThemAgainAfterARestartAndTheBrokerDecidesAfterTheCatchUp() {
        FleetAnnouncements first = announcements(true);
        first.received(ALL, "all", DRILL.getBytes(StandardCharsets.UTF_8));
        first.received(LIBRARY, "library", DRILL.replace("drill", "quiet").getBytes(StandardCharsets.UTF_8));

        board.items.clear();
        FleetAnnouncements restarted = announcements(true);
        restarted.restoreCache();
        assertEquals(List.of("fleet:all:drill", "fleet:library:quiet"), List.copyOf(board.items.keySet()));

        // Back on the broker: only the library's is still retained; the one to all was cleared meanwhile.
        restarted.connected();
        restarted.received(LIBRARY, "library", DRILL.replace("drill", "quiet").getBytes(StandardCharsets.UTF_8));
        restarted.catchUpOver();
        assertEquals(List.of("fleet:library:quiet"), List.copyOf(board.items.keySet()));
        board.items.clear();
        announcements(true).restoreCache();
        assertEquals(List.of("fleet:library:quiet"), List.copyOf(board.items.keySet()));
    }

    @Test
    void unsignedOnesAreRefusedWhenTheSettingSaysSoAndSignedOnesPass() {
        FleetAnnouncements announcements = announcements(false);
        announcements.received(ALL, "all", DRILL.getBytes(StandardCharsets.UTF_8));
        assertEquals(Map.of(), board.items);
        assertEquals("unsigned", events.get(0).reason());
        announcements.received(ALL, "all", Envelope.seal(ALL, DRILL, fleet.getPrivate(), json));
        assertTrue(board.items.containsKey("fleet:all:drill"));
    }

    @Test
    void aBadSignatureIsRefusedEvenWhereUnsignedOnesAreAccepted() {
        FleetAnnouncements announcements = announcements(true);
        announcements.received(ALL, "all", Envelope.seal(LIBRARY, DRILL, fleet.getPrivate(), json));
        assertEquals(Map.of(), board.items);
        assertEquals("bad-signature", events.get(0).reason());
    }

    @Test
    void malformedAnnouncementsAreReportedNotShown() {
        FleetAnnouncements announcements = announcements(true);
        for (String bad : new String[] {"{\"id\":\"x\"}", "{\"id\":\"a/b\",\"text\":{\"en\":\"t\"}}",
                "{\"id\":\"x\",\"text\":{\"en\":\"t\"},\"priority\":\"loud\"}",
                "{\"id\":\"x\",\"text\":{\"en\":\"t\"},\"end\":\"tomorrow\"}", "not json"}) {
            announcements.received(ALL, "all", bad.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(Map.of(), board.items);
        assertEquals(5, events.size());
        events.forEach(event -> assertEquals("invalid", event.reason(), event.detail()));
    }

    private static final class RecordingBoard implements AnnouncementBoard {
        final Map<String, Announcement> items = new TreeMap<>();

        @Override
        public void publish(Announcement announcement) {
            items.put(announcement.id(), announcement);
        }

        @Override
        public void withdraw(String id) {
            items.remove(id);
        }

        @Override
        public List<Announcement> active(Instant now) {
            return List.copyOf(items.values());
        }

        @Override
        public List<Announcement> all() {
            return List.copyOf(items.values());
        }
    }
}
