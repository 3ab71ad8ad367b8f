package org.campusmirror.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.campusmirror.ws.server.WebSocket;
import org.campusmirror.ws.server.WebSocketEndpoint;

/**
 * Our side of an interop test: records every event of its connections (server endpoint or client handler),
 * and, when {@link #echoing()}, echoes each message as it came (text as text, binary as binary) and obeys a
 * text message that is a JSON command: {@code {"cmd":"ping","data":".."}} pings the peer,
 * {@code {"cmd":"close","code":N,"reason":".."}} closes. The peers' scripts in test/interop/node speak the same
 * commands.
 */
final class EventRecorder implements WebSocketEndpoint {
    /**
     * One event: {@code kind} is open, text, binary, ping, pong, close or error; messages carry their length,
     * SHA-256 and (text, or ping/pong payload as ISO-8859-1) their content; close carries code and reason.
     */
    record Event(String kind, WebSocket socket, int length, String sha256, String text, int code, String reason) {
    }

    private static final int KEPT_TEXT = 512;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean echo;
    private final List<Event> events = new ArrayList<>();
    private final Map<String, Integer> consumed = new HashMap<>();

    private EventRecorder(boolean echo) {
        this.echo = echo;
    }

    /** Echoes and obeys commands (a server endpoint). */
    static EventRecorder echoing() {
        return new EventRecorder(true);
    }

    /** Only records (a client's handler, or an endpoint that just listens). */
    static EventRecorder listening() {
        return new EventRecorder(false);
    }

    @Override
    public void onOpen(WebSocket socket) {
        add(new Event("open", socket, 0, null, null, 0, null));
    }

    @Override
    public void onTextUtf8(WebSocket socket, ByteBuffer utf8) {
        String text = utf8.remaining() <= KEPT_TEXT ? StandardCharsets.UTF_8.decode(utf8.duplicate()).toString() : null;
        add(new Event("text", socket, utf8.remaining(), Payloads.sha256(utf8), text, 0, null));
        if (!echo) {
            return;
        }
        if (text != null && text.startsWith("{\"cmd\"")) {
            obey(socket, text);
        } else {
            socket.sendText(utf8);
        }
    }

    @Override
    public void onBinary(WebSocket socket, ByteBuffer data) {
        add(new Event("binary", socket, data.remaining(), Payloads.sha256(data), null, 0, null));
        if (echo) {
            socket.sendBinary(data);
        }
    }

    @Override
    public void onPing(WebSocket socket, ByteBuffer payload) {
        add(control("ping", socket, payload));
    }

    @Override
    public void onPong(WebSocket socket, ByteBuffer payload) {
        add(control("pong", socket, payload));
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason) {
        add(new Event("close", socket, 0, null, null, code, reason));
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        add(new Event("error", socket, 0, null, String.valueOf(error.getMessage()), 0, null));
    }

    private static Event control(String kind, WebSocket socket, ByteBuffer payload) {
        return new Event(kind, socket, payload.remaining(), null,
                StandardCharsets.ISO_8859_1.decode(payload.duplicate()).toString(), 0, null);
    }

    private void obey(WebSocket socket, String text) {
        try {
            JsonNode command = JSON.readTree(text);
            switch (command.path("cmd").asText()) {
                case "ping" -> socket.ping(ByteBuffer.wrap(command.path("data").asText().getBytes(StandardCharsets.ISO_8859_1)));
                case "close" -> socket.close(command.path("code").asInt(), command.path("reason").asText());
                default -> socket.close(1003, "unknown command");
            }
        } catch (IOException e) {
            socket.close(1003, "bad command");
        }
    }

    private synchronized void add(Event event) {
        events.add(event);
        notifyAll();
    }

    /** The next event of {@code kind} that no earlier call returned; fails after 30 s. */
    Event await(String kind) throws InterruptedException {
        return await(kind, PeerProcess.EVENT_TIMEOUT);
    }

    synchronized Event await(String kind, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int wanted = consumed.getOrDefault(kind, 0);
            List<Event> ofKind = all(kind);
            if (ofKind.size() > wanted) {
                consumed.put(kind, wanted + 1);
                return ofKind.get(wanted);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return fail("no '" + kind + "' event on our side within " + timeout + "; events: " + events);
            }
            TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
    }

    /** Every event of {@code kind} so far. */
    synchronized List<Event> all(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }
}
