package org.campusmirror.mirror.runtime.internal.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

import org.campusmirror.mirror.runtime.internal.display.TileState;
import org.campusmirror.mirror.runtime.internal.layout.Layout;
import org.campusmirror.mirror.widget.ViewModel;
import org.campusmirror.mirror.widget.Widget;
import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.junit.jupiter.api.Test;

/** How a refresh's result or failure is classified, and what the tile then shows. */
class WidgetRefreshTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private static RefreshOutcome run(Widget widget) {
        return new WidgetRefresh(widget, cancelled -> new WidgetRefreshContext(Layout.defaults(),
                Clock.fixed(NOW, ZoneOffset.UTC), Optional.empty(), cancelled)).run(() -> false);
    }

    @Test
    void everyKindOfFailureIsClassifiedAsTheWidgetApiSays() {
        assertInstanceOf(RefreshOutcome.Fresh.class, run(context -> ViewModel.of(Map.of("t", 3), NOW)));
        assertEquals(new RefreshOutcome.Unavailable("ConnectException: Connection refused"),
                run(context -> { throw new ConnectException("Connection refused"); }));
        assertEquals(new RefreshOutcome.Misconfigured("canteen id 'x' is not a number"),
                run(context -> { throw new WidgetConfigurationException("canteen id 'x' is not a number"); }));
        assertEquals(new RefreshOutcome.Failed("NullPointerException: boom"),
                run(context -> { throw new NullPointerException("boom"); }));
        assertEquals(new RefreshOutcome.Failed("NoClassDefFoundError: org/example/Gone"),
                run(context -> { throw new NoClassDefFoundError("org/example/Gone"); }));
        assertEquals(new RefreshOutcome.Failed("refresh returned no view model (null)"), run(context -> null));
        RefreshOutcome refused = run(context -> ViewModel.of(new Date(), NOW));
        assertTrue(((RefreshOutcome.Failed) refused).message().startsWith("view model refused: java.util.Date at data"));
        RefreshOutcome huge = run(context -> ViewModel.of("x".repeat(WidgetRefresh.MAX_JSON_CHARS), NOW));
        assertEquals("view model refused: too large, more than " + WidgetRefresh.MAX_JSON_CHARS + " characters of JSON",
                ((RefreshOutcome.Failed) huge).message());
    }

    @Test
    void messagesAreOneShortLineNeverAStackTrace() {
        RefreshOutcome outcome = run(context -> { throw new IOException("line one\n\tat org.example.X.y(X.java:1)\n"
                + "x".repeat(1000)); });
        String message = ((RefreshOutcome.Unavailable) outcome).message();
        assertTrue(!message.contains("\n") && message.length() <= WidgetRefresh.MAX_MESSAGE, message);
        assertEquals("IOException", WidgetRefresh.describe(new IOException()));
    }

    @Test
    void theTileShowsLastGoodDataStaleWhenTheSourceFailsAndNoDataOnAnError() {
        WidgetDescriptor descriptor = WidgetDescriptor.of(Map.of("service.pid", "w", "widget.kind", "canteen"));
        WidgetEntry entry = new WidgetEntry(context -> null, descriptor, "b", "1-1", 1);
        assertEquals(TileState.LOADING, entry.tile().state());

        entry.finished(new RefreshOutcome.Unavailable("down"), NOW, false);
        assertEquals(TileState.ERROR, entry.tile().state(), "no data yet: an error");
        entry.finished(new RefreshOutcome.Fresh(ViewModel.of("menu", NOW), "\"menu\""), NOW, false);
        assertEquals(TileState.OK, entry.tile().state());
        entry.finished(new RefreshOutcome.Unavailable("down"), NOW.plusSeconds(60), false);
        assertEquals(TileState.STALE, entry.tile().state());
        assertEquals("\"menu\"", entry.tile().dataJson());
        assertEquals(NOW, entry.tile().asOf());
        assertTrue(entry.overdue(NOW.plusSeconds(120), java.time.Duration.ofSeconds(20)), "news the first time");
        assertTrue(!entry.overdue(NOW.plusSeconds(180), java.time.Duration.ofSeconds(20)), "not again");
        assertEquals(TileState.STALE, entry.tile().state());
        entry.finished(new RefreshOutcome.Misconfigured("bad id"), NOW.plusSeconds(240), false);
        assertEquals(TileState.ERROR, entry.tile().state());
        assertEquals(null, entry.tile().dataJson(), "an error tile shows its message, not old data");
        assertEquals("bad id", entry.status().lastError());
    }

    @Test
    void cachedDataShowsStaleUntilTheFirstGoodRefresh() {
        WidgetDescriptor descriptor = WidgetDescriptor.of(Map.of("service.pid", "w", "widget.kind", "canteen"));
        WidgetEntry entry = new WidgetEntry(context -> null, descriptor, "b", "1-1", 1);
        entry.restore(new WidgetCache.Entry("w", "canteen", NOW.minusSeconds(3600), NOW, "menu", "\"menu\""));
        assertEquals(TileState.STALE, entry.tile().state());
        assertEquals(NOW.minusSeconds(3600), entry.tile().asOf());
        assertTrue(entry.status().fromCache());
        assertEquals("menu", entry.lastGood().orElseThrow().data(), "the widget sees it as its last good data");
    }
}
