package org.campusmirror.mirror.fleet.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.campusmirror.mirror.runtime.files.AtomicFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The last sequence number accepted on each signed topic, kept in a file so a restart does not reopen old
 * messages. A message is new when its number is higher. The same number again is the same message: harmless when
 * the broker delivers its retained copy again (every reconnect does), a replay when it comes live.
 */
public final class Sequences {
    /** What to do with a message. */
    public enum Verdict { NEW, ALREADY_APPLIED }

    private record Seen(long seq, String digest) {
    }

    private final Path file;
    private final ObjectMapper json;
    private final Map<String, Seen> seen = new HashMap<>();

    public Sequences(Path file, ObjectMapper json) throws IOException {
        this.file = file;
        this.json = json;
        if (Files.isRegularFile(file)) {
            JsonNode root = json.readTree(file.toFile());
            root.fields().forEachRemaining(entry -> seen.put(entry.getKey(),
                    new Seen(entry.getValue().path("seq").asLong(), entry.getValue().path("sha256").asText())));
        }
    }

    /**
     * Judges {@code seq} on {@code topic}.
     *
     * @param digest   the SHA-256 of the body, to tell the same message from another with the same number
     * @param retained whether the broker delivered it as a retained message (on subscribing)
     * @throws Refusal REPLAYED for an older number, or the same number live or with another body
     */
    public synchronized Verdict judge(String topic, long seq, String digest, boolean retained) throws Refusal {
        Seen last = seen.get(topic);
        if (last == null || seq > last.seq()) {
            return Verdict.NEW;
        }
        if (seq == last.seq() && digest.equals(last.digest()) && retained) {
            return Verdict.ALREADY_APPLIED;
        }
        throw new Refusal(Refusal.Reason.REPLAYED, "sequence " + seq + " is not newer than " + last.seq()
                + ", the last one accepted on this topic");
    }

    /**
     * The message last accepted on {@code topic} no longer stands (its retained topic was cleared): should it come
     * again, even retained, it is a replay. Its number stays the one to beat.
     */
    public synchronized void retire(String topic) throws IOException {
        Seen last = seen.get(topic);
        if (last != null && !last.digest().isEmpty()) {
            seen.put(topic, new Seen(last.seq(), ""));
            save();
        }
    }

    /** The {@code seq} of a signed body: a positive whole number. */
    public static long seqOf(ObjectNode body) throws Refusal {
        long seq = body.path("seq").asLong(-1);
        if (!body.path("seq").canConvertToLong() || seq <= 0) {
            throw new Refusal(Refusal.Reason.INVALID, "'seq' must be a positive whole number");
        }
        return seq;
    }

    /** Records an accepted message (applied, or refused for what it asked, so it is not retried). */
    public synchronized void accept(String topic, long seq, String digest) throws IOException {
        seen.put(topic, new Seen(seq, digest));
        save();
    }

    private void save() throws IOException {
        ObjectNode root = json.createObjectNode();
        seen.forEach((key, value) -> root.putObject(key).put("seq", value.seq()).put("sha256", value.digest()));
        AtomicFiles.replace(file, json.writeValueAsBytes(root));
    }
}
