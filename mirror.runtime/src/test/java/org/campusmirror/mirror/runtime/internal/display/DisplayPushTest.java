package org.campusmirror.mirror.runtime.internal.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campusmirror.mirror.runtime.internal.alerts.Alert;
import org.campusmirror.mirror.runtime.internal.json.JsonTree;
import org.campusmirror.mirror.runtime.internal.layout.Layout;
import org.junit.jupiter.api.Test;

/**
 * The display protocol end to end without a socket: what a new display gets (a snapshot), then the changes it
 * gets, encoded as on the wire and applied the way the page applies them, must always add up to what the model
 * holds. Unchanged refreshes send nothing.
 */
class DisplayPushTest {
    private static final Instant NOW = Instant.parse("2026-03-02T11:00:00Z");

    /** A display as the page is: a snapshot, then each change with the next sequence number. */
    private static final class FakeDisplay {
        long seq = -1;
        String page;
        boolean asleep;
        final Map<String, Map<?, ?>> tiles = new LinkedHashMap<>();
        List<?> alerts = List.of();
        int gaps;

        void receive(String json) throws Exception {
            Map<?, ?> message = (Map<?, ?>) JsonTree.parse(json);
            assertEquals(1L, message.get(DisplayProtocol.VERSION_FIELD));
            long number = (Long) message.get(DisplayProtocol.SEQ);
            String type = (String) message.get(DisplayProtocol.TYPE);
            if (DisplayProtocol.SNAPSHOT.equals(type)) {
                seq = number;
                page = (String) message.get(DisplayProtocol.PAGE);
                asleep = (Boolean) message.get(DisplayProtocol.ASLEEP);
                alerts = (List<?>) message.get(DisplayProtocol.ALERTS);
                tiles.clear();
                for (Object tile : (List<?>) message.get(DisplayProtocol.TILES)) {
                    tiles.put((String) ((Map<?, ?>) tile).get(DisplayProtocol.ID), (Map<?, ?>) tile);
                }
                return;
            }
            if (seq < 0 || number <= seq) {
                return;
            }
            if (number != seq + 1) {
                gaps++;
            }
            seq = number;
            switch (type) {
                case DisplayProtocol.TILE -> {
                    Map<?, ?> tile = (Map<?, ?>) message.get(DisplayProtocol.TILE);
                    tiles.put((String) tile.get(DisplayProtocol.ID), tile);
                }
                case DisplayProtocol.TILE_REMOVED -> tiles.remove((String) message.get(DisplayProtocol.ID));
                case DisplayProtocol.PAGE, DisplayProtocol.LAYOUT -> page = (String) message.get(DisplayProtocol.PAGE);
                case DisplayProtocol.SLEEP -> asleep = (Boolean) message.get(DisplayProtocol.ASLEEP);
                case DisplayProtocol.ALERTS -> alerts = (List<?>) message.get(DisplayProtocol.ALERTS);
                default -> throw new AssertionError("unknown type " + type);
            }
        }
    }

    private final DisplayModel model = new DisplayModel(Layout.parse(new String[] {"main=30", "second=10"}, true,
            "de-DE", "Europe/Berlin"));
    private final DisplayMessages messages = new DisplayMessages("1.0.0-test");
    private final List<String> wire = new ArrayList<>();

    private static Tile tile(String id, TileState state, String json, Instant asOf) {
        return new Tile(id, "canteen", "Mensa", "top_left", List.of(), state, null, asOf, json, "7-1");
    }

    @Test
    void aDisplayThatJoinsLateAddsUpToTheModel() throws Exception {
        model.subscribe(change -> wire.add(messages.change(change)));
        model.putTile(tile("a", TileState.OK, "{\"meal\":\"Linsen\"}", NOW));
        model.putTile(tile("b", TileState.LOADING, null, null));

        FakeDisplay display = new FakeDisplay();
        display.receive(model.withSnapshot(snapshot -> messages.snapshot(snapshot, NOW)));
        int joinedAt = wire.size();

        model.putTile(tile("b", TileState.OK, "[1,2]", NOW));
        model.showPage("second");
        model.setAsleep(true);
        model.setAlerts(List.of(new Alert("drill", "Übung", null, null, "urgent", null, "console")));
        model.removeTile("a");
        model.putTile(tile("c", TileState.ERROR, null, null));

        for (String message : wire.subList(joinedAt, wire.size())) {
            display.receive(message);
        }
        FakeDisplay fresh = new FakeDisplay();
        fresh.receive(model.withSnapshot(snapshot -> messages.snapshot(snapshot, NOW)));
        assertEquals(fresh.tiles, display.tiles);
        assertEquals("second", display.page);
        assertTrue(display.asleep);
        assertEquals(fresh.alerts, display.alerts);
        assertEquals(fresh.seq, display.seq);
        assertEquals(0, display.gaps);
    }

    @Test
    void changesBeforeTheSnapshotAreNotAppliedTwice() throws Exception {
        model.subscribe(change -> wire.add(messages.change(change)));
        model.putTile(tile("a", TileState.OK, "1", NOW));
        FakeDisplay display = new FakeDisplay();
        display.receive(model.withSnapshot(snapshot -> messages.snapshot(snapshot, NOW)));
        // A broadcast queued before the snapshot but delivered after it (the socket's I/O thread runs later).
        display.receive(wire.get(0));
        assertEquals(0, display.gaps);
        assertEquals(1, display.tiles.size());
    }

    @Test
    void aRefreshThatChangesNothingVisibleSendsNothing() {
        model.subscribe(change -> wire.add(messages.change(change)));
        model.putTile(tile("a", TileState.OK, "{\"t\":3}", NOW));
        model.putTile(tile("a", TileState.OK, "{\"t\":3}", NOW.plusSeconds(60)));
        assertEquals(1, wire.size(), "fresh data with a newer time stamp looks the same");
        model.putTile(tile("a", TileState.STALE, "{\"t\":3}", NOW.plusSeconds(60)));
        model.putTile(tile("a", TileState.STALE, "{\"t\":3}", NOW.plusSeconds(120)));
        assertEquals(3, wire.size(), "stale data shows its age: a new time stamp is a change");
        model.showPage("main");
        model.setAsleep(false);
        model.setAlerts(List.of());
        assertEquals(3, wire.size(), "the page, sleep and alerts as they were");
    }

    @Test
    void theSnapshotCarriesEverythingAPageNeedsAndTheDataAsItWas() throws Exception {
        model.putTile(tile("a", TileState.STALE, "{\"html\":\"<b>x</b>\"}", NOW.minusSeconds(600)));
        Map<?, ?> snapshot = (Map<?, ?>) JsonTree.parse(model.withSnapshot(s -> messages.snapshot(s, NOW)));
        assertEquals("1.0.0-test", snapshot.get(DisplayProtocol.RUNTIME));
        assertEquals(NOW.toEpochMilli(), snapshot.get(DisplayProtocol.SERVER_TIME));
        assertEquals("de-DE", snapshot.get(DisplayProtocol.LOCALE));
        assertEquals("Europe/Berlin", snapshot.get(DisplayProtocol.ZONE));
        assertEquals(List.of(Map.of("name", "main", "seconds", 30L), Map.of("name", "second", "seconds", 10L)),
                snapshot.get(DisplayProtocol.PAGES));
        Map<?, ?> tile = (Map<?, ?>) ((List<?>) snapshot.get(DisplayProtocol.TILES)).get(0);
        assertEquals(Map.of("html", "<b>x</b>"), tile.get(DisplayProtocol.DATA));
        assertEquals("stale", tile.get(DisplayProtocol.STATE));
        assertEquals(NOW.minusSeconds(600).toString(), tile.get(DisplayProtocol.AS_OF));
        assertEquals("top_left", tile.get(DisplayProtocol.REGION));
    }
}
