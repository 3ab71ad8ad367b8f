package org.campusmirror.mirror.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.campusmirror.mirror.fleet.trust.Envelope;
import org.campusmirror.mirror.fleet.trust.Refusal;
import org.campusmirror.mirror.fleet.trust.Sequences;
import org.campusmirror.mirror.runtime.files.AtomicFiles;
import org.campusmirror.mirror.widgets.announcements.Announcement;
import org.campusmirror.mirror.widgets.announcements.AnnouncementBoard;
import org.campusmirror.mirror.widgets.announcements.Priority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Announcements from the broker onto this mirror's {@link AnnouncementBoard}, the same board the console's
 * announcements go to (so urgent ones become alerts the same way). One announcement per topic; an empty payload
 * withdraws it. Each accepted payload is cached in {@code DIR/fleet/announcements.json} and shown again at start,
 * before (or without) the broker. After each (re)connect the broker sends the retained payloads again; a cached
 * topic that gets none within the catch-up window was cleared while the mirror was away, and is withdrawn.
 *
 * <p>Body: {@code {"id", "text": {"de", "en"}, "priority": "normal"|"important"|"urgent", "start", "end"}}
 * (ISO-8601 instants, optional), and {@code seq} when signed. Board ids are {@code fleet:GROUP:ID}.
 *
 * <p>A signed one must carry a {@code seq} newer than the last taken on its topic ({@link Sequences}, shared with
 * configurations and rollouts), so an old signed announcement cannot be shown again: neither live, nor as a retained
 * message after its topic was cleared (a clear retires the number, so even its retained re-delivery is a replay).
 */
final class FleetAnnouncements {
    private static final Logger LOG = LoggerFactory.getLogger(FleetAnnouncements.class);
    static final String CACHE_FILE = "announcements.json";
    static final String SOURCE = "fleet";

    private final Path cacheFile;
    private final ObjectMapper json;
    private final Supplier<AnnouncementBoard> board;
    private final boolean acceptUnsigned;
    private final Supplier<java.security.PublicKey> fleetKey;
    private final Sequences sequences;
    private final Consumer<FleetEvent> events;
    /** Accepted payload of each topic, as received. */
    private final Map<String, String> cached = new HashMap<>();
    /** The board id shown for each topic. */
    private final Map<String, String> shown = new HashMap<>();
    private Set<String> heardSinceConnect;

    FleetAnnouncements(Path cacheFile, ObjectMapper json, Supplier<AnnouncementBoard> board, boolean acceptUnsigned,
            Supplier<java.security.PublicKey> fleetKey, Sequences sequences, Consumer<FleetEvent> events) {
        this.cacheFile = cacheFile;
        this.json = json;
        this.board = board;
        this.acceptUnsigned = acceptUnsigned;
        this.fleetKey = fleetKey;
        this.sequences = sequences;
        this.events = events;
    }

    /** Shows the cached announcements (at start, whether or not the broker is there). */
    synchronized void restoreCache() {
        if (!Files.isRegularFile(cacheFile)) {
            return;
        }
        try {
            JsonNode root = json.readTree(cacheFile.toFile());
            root.fields().forEachRemaining(entry -> {
                try {
                    String group = entry.getKey().substring(entry.getKey().lastIndexOf('/') + 1);
                    show(entry.getKey(), group, Envelope.read(entry.getValue().asText().getBytes(StandardCharsets.UTF_8),
                            json));
                    cached.put(entry.getKey(), entry.getValue().asText());
                } catch (Refusal | RuntimeException e) {
                    LOG.warn("Fleet: cached announcement of {} dropped: {}", entry.getKey(), e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("Fleet: cannot read the announcement cache {}: {}", cacheFile, e.getMessage());
        }
    }

    /** A (re)connect: the retained announcements are on their way; note which topics speak. */
    synchronized void connected() {
        heardSinceConnect = new HashSet<>();
    }

    /** The catch-up window is over: withdraw cached topics the broker no longer holds. */
    synchronized void catchUpOver() {
        if (heardSinceConnect == null) {
            return;
        }
        for (String topic : Set.copyOf(cached.keySet())) {
            if (!heardSinceConnect.contains(topic)) {
                LOG.info("Fleet: {} was cleared while this mirror was away", topic);
                clear(topic);
            }
        }
        heardSinceConnect = null;
        saveCache();
    }

    synchronized void received(String topic, String group, byte[] payload, boolean retained) {
        if (heardSinceConnect != null) {
            heardSinceConnect.add(topic);
        }
        if (payload.length == 0) {
            clear(topic);
            saveCache();
            return;
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        long seq = -1;
        try {
            Envelope envelope = Envelope.read(payload, json);
            if (envelope.signed() || !acceptUnsigned) {
                envelope.verify(topic, fleetKey.get());
            }
            String digest = SignedCommands.sha256(envelope.body());
            if (envelope.signed()) {
                seq = Sequences.seqOf(envelope.bodyJson(json));
                if (sequences.judge(topic, seq, digest, retained) == Sequences.Verdict.NEW) {
                    remember(topic, seq, digest);
                }
            }
            if (text.equals(cached.get(topic))) {
                return;
            }
            String id = show(topic, group, envelope);
            cached.put(topic, text);
            saveCache();
            LOG.info("Fleet: announcement {} from {}", id, topic);
        } catch (Refusal refusal) {
            LOG.warn("Fleet: announcement on {} refused ({}): {}", topic, refusal.code(), refusal.getMessage());
            events.accept(FleetEvent.refused(Instant.now(), topic, "announcement", seq, refusal));
        }
    }

    private void remember(String topic, long seq, String digest) {
        try {
            sequences.accept(topic, seq, digest);
        } catch (IOException e) {
            LOG.warn("Fleet: cannot store the sequence of {}: {}", topic, e.getMessage());
        }
    }

    private String show(String topic, String group, Envelope envelope) throws Refusal {
        Announcement announcement = parse(group, envelope.bodyJson(json));
        AnnouncementBoard target = board.get();
        if (target == null) {
            throw new Refusal(Refusal.Reason.INVALID, "the announcements board is not running");
        }
        String previous = shown.put(topic, announcement.id());
        if (previous != null && !previous.equals(announcement.id())) {
            target.withdraw(previous);
        }
        target.publish(announcement);
        return announcement.id();
    }

    private void clear(String topic) {
        cached.remove(topic);
        try {
            sequences.retire(topic);
        } catch (IOException e) {
            LOG.warn("Fleet: cannot store the sequence of {}: {}", topic, e.getMessage());
        }
        String id = shown.remove(topic);
        AnnouncementBoard target = board.get();
        if (id != null && target != null) {
            target.withdraw(id);
        }
    }

    static Announcement parse(String group, ObjectNode body) throws Refusal {
        String id = body.path("id").asText("");
        if (!Topics.validName(id)) {
            throw new Refusal(Refusal.Reason.INVALID, "'id' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        JsonNode text = body.path("text");
        Priority priority;
        try {
            priority = Priority.valueOf(body.path("priority").asText("normal").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Reason.INVALID, "'priority' is normal, important or urgent");
        }
        try {
            return new Announcement("fleet:" + group + ":" + id, text.path("de").asText(""), text.path("en").asText(""),
                    instant(body, "start"), instant(body, "end"), priority, SOURCE);
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Reason.INVALID, e.getMessage());
        }
    }

    private static Instant instant(ObjectNode body, String field) throws Refusal {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new Refusal(Refusal.Reason.INVALID, "'" + field + "' is not an ISO-8601 instant");
        }
    }

    private void saveCache() {
        ObjectNode root = json.createObjectNode();
        cached.forEach(root::put);
        try {
            AtomicFiles.replace(cacheFile, json.writeValueAsBytes(root));
        } catch (IOException e) {
            LOG.warn("Fleet: cannot write the announcement cache {}: {}", cacheFile, e.getMessage());
        }
    }
}
