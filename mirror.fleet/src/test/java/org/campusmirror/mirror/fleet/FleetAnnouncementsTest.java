package org.campusmirror.mirror.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import org.campusmirror.mirror.fleet.trust.Sequences;
import org.campusmirror.mirror.widgets.announcements.Announcement;
import org.campusmirror.mirror.widgets.announcements.AnnouncementBoard;
import org.campusmirror.mirror.widgets.announcements.Priority;
import org.junit.jupiter.api.BeforeEach;
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
    private Sequences sequences;

    @BeforeEach
    void openSequences() throws IOException {
        sequences = new Sequences(folder.resolve("sequences.json"), json);
    }

    private FleetAnnouncements announcements(boolean acceptUnsigned) {
        return new FleetAnnouncements(folder.resolve("announcements.json"), json, () -> board, acceptUnsigned,
                fleet::getPublic, sequences, events::add);
    }

    @Test
    void anAnnouncementGoesOnTheBoardAndAnEmptyPayloadTakesItOff() {
        FleetAnnouncements announcements = announcements(true);
        announcements.received(ALL, "all", DRILL.getBytes(StandardCharsets.UTF_8), false);
        Announcement shown = board.items.get("fleet:all:drill");
        assertEquals("Probealarm", shown.textDe());
        assertEquals(Priority.URGENT, shown.priority());
        assertEquals("fleet", shown.source());
        announcements.received(ALL, "all", new byte[0], false);
        assertEquals(Map.of(), board.items);
    }

    @Test
    void theCacheShowsThemAgainAfterARestartAndTheBrokerDecidesAfterTheCatchUp() {
        FleetAnnouncements first = announcements(true);
        first.received(ALL, "all", DRILL.getBytes(StandardCharsets.UTF_8), false);
        first.received(LIBRARY, "library", DRILL.replace("drill", "quiet").getBytes(StandardCharsets.UTF_8), false);

        board.items.clear();
        FleetAnnouncements restarted = announcements(true);
        restarted.restoreCache();
        assertEquals(List.of("fleet:all:drill", "fleet:library:quiet"), List.copyOf(board.items.keySet()));

        // Back on the broker: only the library's is still retained; the one to all was cleared meanwhile.
        restarted.connected();
        restarted.received(LIBRARY, "library", DRILL.replace("drill", "quiet").getBytes(StandardCharsets.UTF_8), true);
        restarted.catchUpOver();
        assertEquals(List.of("fleet:library:quiet"), List.copyOf(board.items.keySet()));
        board.items.clear();
        announcements(true).restoreCache();
        assertEquals(List.of("fleet:library:quiet"), List.copyOf(board.items.keySet()));
    }

    @Test
    void unsignedOnesAreRefusedWhenTheSettingSaysSoAndSignedOnesPass() {
        FleetAnnouncements announcements = announcements(false);
        announcements.received(ALL, "all", DRILL.getBytes(StandardCharsets.UTF_8), false);
        assertEquals(Map.of(), board.items);
        assertEquals("unsigned", events.get(0).reason());
        announcements.received(ALL, "all", Envelope.seal(ALL, withSeq(DRILL, 1), fleet.getPrivate(), json), false);
        assertTrue(board.items.containsKey("fleet:all:drill"));
    }

    @Test
    void aSignedOneMustBeNewerThanTheLastOnItsTopicLiveOrRetainedAfterAClear() {
        FleetAnnouncements announcements = announcements(false);
        byte[] first = Envelope.seal(ALL, withSeq(DRILL, 10), fleet.getPrivate(), json);
        announcements.received(ALL, "all", first, false);
        assertTrue(board.items.containsKey("fleet:all:drill"));
        // Delivered again as retained (a reconnect): the same message, quietly.
        announcements.received(ALL, "all", first, true);
        assertEquals(List.of(), events);

        announcements.received(ALL, "all", first, false);
        announcements.received(ALL, "all", Envelope.seal(ALL, withSeq(DRILL.replace("drill", "old"), 9),
                fleet.getPrivate(), json), false);
        assertEquals(List.of("replayed", "replayed"), events.stream().map(FleetEvent::reason).toList());
        assertEquals(List.of(10L, 9L), events.stream().map(FleetEvent::seq).toList());
        assertEquals(List.of("fleet:all:drill"), List.copyOf(board.items.keySet()), "nothing changed");

        // Cleared, then the old message published again (retained): a mirror that reconnects must not show it.
        announcements.received(ALL, "all", new byte[0], false);
        announcements(false).received(ALL, "all", first, true);
        assertEquals(Map.of(), board.items);
        assertEquals("replayed", events.get(2).reason());

        announcements.received(ALL, "all", Envelope.seal(ALL, withSeq(DRILL, 11), fleet.getPrivate(), json), false);
        assertTrue(board.items.containsKey("fleet:all:drill"), "a newer one shows");
        announcements.received(ALL, "all", Envelope.seal(ALL, DRILL.replace("drill", "noseq"), fleet.getPrivate(),
                json), false);
        assertEquals("invalid", events.get(3).reason(), "a signed one without seq");
        assertEquals(4, events.size());
    }

    @Test
    void theLastNumberOfEachTopicSurvivesARestart() throws IOException {
        byte[] message = Envelope.seal(LIBRARY, withSeq(DRILL, 20), fleet.getPrivate(), json);
        announcements(false).received(LIBRARY, "library", message, false);
        sequences = new Sequences(folder.resolve("sequences.json"), json);
        FleetAnnouncements restarted = announcements(false);
        restarted.received(LIBRARY, "library", message, true);
        assertEquals(List.of(), events, "its retained copy is the same message");
        restarted.received(LIBRARY, "library", message, false);
        assertEquals("replayed", events.get(0).reason());
    }

    private static String withSeq(String body, long seq) {
        return body.replace("{\"id\"", "{\"seq\":" + seq + ",\"id\"");
    }

    @Test
    void aBadSignatureIsRefusedEvenWhereUnsignedOnesAreAccepted() {
        FleetAnnouncements announcements = announcements(true);
        announcements.received(ALL, "all", Envelope.seal(LIBRARY, DRILL, fleet.getPrivate(), json), false);
        assertEquals(Map.of(), board.items);
        assertEquals("bad-signature", events.get(0).reason());
    }

    @Test
    void malformedAnnouncementsAreReportedNotShown() {
        FleetAnnouncements announcements = announcements(true);
        for (String bad : new String[] {"{\"id\":\"x\"}", "{\"id\":\"a/b\",\"text\":{\"en\":\"t\"}}",
                "{\"id\":\"x\",\"text\":{\"en\":\"t\"},\"priority\":\"loud\"}",
                "{\"id\":\"x\",\"text\":{\"en\":\"t\"},\"end\":\"tomorrow\"}", "not json"}) {
            announcements.received(ALL, "all", bad.getBytes(StandardCharsets.UTF_8), false);
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
