package org.campusmirror.mirror.runtime.internal.webconsole;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.campusmirror.mirror.runtime.internal.alerts.Alert;
import org.campusmirror.mirror.runtime.internal.display.ConnectedDisplay;
import org.campusmirror.mirror.runtime.internal.display.DisplaySnapshot;
import org.campusmirror.mirror.runtime.internal.layout.Page;
import org.campusmirror.mirror.runtime.internal.widgets.WidgetStatus;
import org.campusmirror.ws.server.ServerStats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/** The console plugin's {@code state.json}: what its page shows, refreshed every few seconds. */
final class ConsoleState {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ConsoleState() {
    }

    static String json(DisplaySnapshot display, List<WidgetStatus> widgets, List<ConnectedDisplay> displays,
            ServerStats server, int busyThreads, Instant now) {
        StringWriter text = new StringWriter(4096);
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("now", now.toString());
            out.writeStringField("page", display.page());
            out.writeBooleanField("rotate", display.layout().rotate());
            out.writeBooleanField("asleep", display.asleep());
            out.writeStringField("locale", display.layout().localeTag());
            out.writeStringField("zone", display.layout().zone().getId());
            out.writeArrayFieldStart("pages");
            for (Page page : display.layout().pages()) {
                out.writeStartObject();
                out.writeStringField("name", page.name());
                out.writeNumberField("seconds", page.showFor().toSeconds());
                out.writeEndObject();
            }
            out.writeEndArray();
            strings(out, "layoutProblems", display.layout().problems());
            out.writeArrayFieldStart("alerts");
            for (Alert alert : display.alerts()) {
                out.writeStartObject();
                out.writeStringField("id", alert.id());
                out.writeStringField("text", alert.text());
                out.writeStringField("level", alert.level());
                instant(out, "until", alert.until());
                out.writeStringField("source", alert.source());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayFieldStart("displays");
            for (ConnectedDisplay connected : displays) {
                out.writeStartObject();
                out.writeStringField("address", connected.address());
                out.writeStringField("userAgent", connected.userAgent());
                instant(out, "since", connected.since());
                out.writeBooleanField("preview", connected.preview());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeNumberField("busyThreads", busyThreads);
            if (server != null) {
                out.writeObjectFieldStart("webSocket");
                out.writeNumberField("openConnections", server.openConnections());
                out.writeNumberField("broadcastsEncoded", server.broadcastsEncoded());
                out.writeNumberField("broadcastsDropped", server.broadcastsDropped());
                out.writeNumberField("slowConsumerCloses", server.slowConsumerCloses());
                out.writeEndObject();
            }
            out.writeArrayFieldStart("widgets");
            for (WidgetStatus widget : widgets) {
                widget(out, widget);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string failed", e);
        }
        return text.toString();
    }

    private static void widget(JsonGenerator out, WidgetStatus widget) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", widget.id());
        out.writeStringField("pid", widget.descriptor().rawId());
        out.writeStringField("kind", widget.descriptor().kind());
        out.writeStringField("title", widget.descriptor().title());
        out.writeStringField("region", widget.descriptor().region().id());
        strings(out, "pages", widget.descriptor().pages());
        out.writeNumberField("intervalSeconds", widget.interval().toSeconds());
        out.writeStringField("bundle", widget.bundle());
        out.writeBooleanField("activated", widget.activated());
        out.writeStringField("state", widget.state().id());
        out.writeStringField("error", widget.error());
        instant(out, "dataAsOf", widget.dataAsOf());
        out.writeBooleanField("fromCache", widget.fromCache());
        instant(out, "lastRefresh", widget.lastRefresh());
        instant(out, "lastSuccess", widget.lastSuccess());
        out.writeStringField("lastError", widget.lastError());
        instant(out, "lastErrorAt", widget.lastErrorAt());
        instant(out, "runningSince", widget.runningSince());
        out.writeEndObject();
    }

    private static void strings(JsonGenerator out, String name, List<String> values) throws IOException {
        out.writeArrayFieldStart(name);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }

    private static void instant(JsonGenerator out, String name, Instant value) throws IOException {
        out.writeStringField(name, value == null ? null : value.toString());
    }
}
