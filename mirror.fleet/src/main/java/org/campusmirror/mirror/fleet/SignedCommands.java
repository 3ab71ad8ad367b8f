package org.campusmirror.mirror.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.campusmirror.mirror.fleet.trust.Envelope;
import org.campusmirror.mirror.fleet.trust.Refusal;
import org.campusmirror.mirror.fleet.trust.Sequences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one path of every configuration and rollout: read the envelope, check the fleet's signature over this
 * topic, check the sequence number ({@code seq}, a positive integer in the body) is newer than the last one taken
 * on the topic, then apply, and report the result on the events topic. A refused message changes nothing.
 * An empty payload (the retained topic cleared) is ignored: it is not signed, so it cannot undo anything.
 */
final class SignedCommands {
    private static final Logger LOG = LoggerFactory.getLogger(SignedCommands.class);

    /** Applies a verified, new body; returns what was done, for the event. */
    interface Action {
        String apply(ObjectNode body) throws Refusal;
    }

    private final ObjectMapper json;
    private final Supplier<PublicKey> fleetKey;
    private final Sequences sequences;
    private final Consumer<FleetEvent> events;
    private final Clock clock;

    SignedCommands(ObjectMapper json, Supplier<PublicKey> fleetKey, Sequences sequences, Consumer<FleetEvent> events,
            Clock clock) {
        this.json = json;
        this.fleetKey = fleetKey;
        this.sequences = sequences;
        this.events = events;
        this.clock = clock;
    }

    void received(String topic, String kind, byte[] payload, boolean retained, Action action) {
        if (payload.length == 0) {
            return;
        }
        long seq = -1;
        try {
            Envelope envelope = Envelope.read(payload, json);
            envelope.verify(topic, fleetKey.get());
            ObjectNode body = envelope.bodyJson(json);
            seq = Sequences.seqOf(body);
            String digest = sha256(envelope.body());
            if (sequences.judge(topic, seq, digest, retained) == Sequences.Verdict.ALREADY_APPLIED) {
                LOG.debug("Fleet: {} seq {} was applied before", topic, seq);
                return;
            }
            // Taken before applying: a message that fails to apply is reported once, not retried at each reconnect.
            remember(topic, seq, digest);
            String done = action.apply(body);
            LOG.info("Fleet: {} seq {} applied: {}", topic, seq, done);
            events.accept(FleetEvent.applied(clock.instant(), topic, kind, seq, done));
        } catch (Refusal refusal) {
            LOG.warn("Fleet: {} seq {} refused ({}): {}", topic, seq, refusal.code(), refusal.getMessage());
            events.accept(FleetEvent.refused(clock.instant(), topic, kind, seq, refusal));
        }
    }

    private void remember(String topic, long seq, String digest) {
        try {
            sequences.accept(topic, seq, digest);
        } catch (IOException e) {
            LOG.warn("Fleet: cannot store the sequence of {}: {}", topic, e.getMessage());
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
