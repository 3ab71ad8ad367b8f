package org.campusmirror.mirror.runtime.internal.display;

import static org.campusmirror.mirror.runtime.internal.display.DisplayProtocol.*;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.campusmirror.mirror.runtime.internal.alerts.Alert;
import org.campusmirror.mirror.runtime.internal.layout.Layout;
import org.campusmirror.mirror.runtime.internal.layout.Page;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Encodes the display protocol's messages ({@link DisplayProtocol}). A tile's data is already JSON (encoded once
 * when the widget refreshed) and goes in as it is.
 */
public final class DisplayMessages {
    private static final JsonFactory FACTORY = new JsonFactory();

    private final String runtimeVersion;

    /** @param runtimeVersion changes whenever the page's code changes; a page with another one reloads */
    public DisplayMessages(String runtimeVersion) {
        this.runtimeVersion = runtimeVersion;
    }

    public String snapshot(DisplaySnapshot snapshot, Instant serverTime) {
        return message(SNAPSHOT, snapshot.seq(), out -> {
            out.writeStringField(RUNTIME, runtimeVersion);
            out.writeNumberField(SERVER_TIME, serverTime.toEpochMilli());
            writeLayout(out, snapshot.layout(), snapshot.page());
            out.writeBooleanField(ASLEEP, snapshot.asleep());
            writeAlerts(out, snapshot.alerts());
            out.writeArrayFieldStart(TILES);
            for (Tile tile : snapshot.tiles()) {
                writeTile(out, tile);
            }
            out.writeEndArray();
        });
    }

    public String change(DisplayChange change) {
        if (change instanceof DisplayChange.TileChanged tile) {
            return message(TILE, change.seq(), out -> {
                out.writeFieldName(TILE);
                writeTile(out, tile.tile());
            });
        } else if (change instanceof DisplayChange.TileRemoved removed) {
            return message(TILE_REMOVED, change.seq(), out -> out.writeStringField(ID, removed.id()));
        } else if (change instanceof DisplayChange.PageChanged page) {
            return message(PAGE, change.seq(), out -> out.writeStringField(PAGE, page.page()));
        } else if (change instanceof DisplayChange.SleepChanged sleep) {
            return message(SLEEP, change.seq(), out -> out.writeBooleanField(ASLEEP, sleep.asleep()));
        } else if (change instanceof DisplayChange.AlertsChanged alerts) {
            return message(ALERTS, change.seq(), out -> writeAlerts(out, alerts.alerts()));
        } else if (change instanceof DisplayChange.LayoutChanged layout) {
            return message(LAYOUT, change.seq(), out -> writeLayout(out, layout.layout(), layout.page()));
        }
        throw new IllegalArgumentException("unknown change " + change);
    }

    private interface Fields {
        void write(JsonGenerator out) throws IOException;
    }

    private static String message(String type, long seq, Fields fields) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            out.writeStartObject();
            out.writeNumberField(VERSION_FIELD, VERSION);
            out.writeStringField(TYPE, type);
            out.writeNumberField(SEQ, seq);
            fields.write(out);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string failed", e);
        }
        return text.toString();
    }

    private static void writeLayout(JsonGenerator out, Layout layout, String page) throws IOException {
        out.writeStringField(LOCALE, layout.localeTag());
        out.writeStringField(ZONE, layout.zone().getId());
        out.writeBooleanField(ROTATE, layout.rotate());
        out.writeArrayFieldStart(PAGES);
        for (Page each : layout.pages()) {
            out.writeStartObject();
            out.writeStringField(PAGE_NAME, each.name());
            out.writeNumberField(PAGE_SECONDS, each.showFor().toSeconds());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeStringField(PAGE, page);
    }

    private static void writeTile(JsonGenerator out, Tile tile) throws IOException {
        out.writeStartObject();
        out.writeStringField(ID, tile.id());
        out.writeStringField(KIND, tile.kind());
        out.writeStringField(TITLE, tile.title());
        out.writeStringField(REGION, tile.region());
        out.writeArrayFieldStart(PAGES);
        for (String page : tile.pages()) {
            out.writeString(page);
        }
        out.writeEndArray();
        out.writeStringField(STATE, tile.state().id());
        out.writeStringField(ERROR, tile.error());
        out.writeStringField(AS_OF, tile.asOf() == null ? null : tile.asOf().toString());
        out.writeFieldName(DATA);
        if (tile.dataJson() == null) {
            out.writeNull();
        } else {
            out.writeRawValue(tile.dataJson());
        }
        out.writeStringField(RENDERER, tile.renderer());
        out.writeEndObject();
    }

    private static void writeAlerts(JsonGenerator out, List<Alert> alerts) throws IOException {
        out.writeArrayFieldStart(ALERTS);
        for (Alert alert : alerts) {
            out.writeStartObject();
            out.writeStringField(ID, alert.id());
            out.writeStringField(TEXT, alert.text());
            out.writeStringField(TEXT_DE, alert.textDe());
            out.writeStringField(TEXT_EN, alert.textEn());
            out.writeStringField(LEVEL, alert.level());
            out.writeStringField(UNTIL, alert.until() == null ? null : alert.until().toString());
            out.writeEndObject();
        }
        out.writeEndArray();
    }
}
