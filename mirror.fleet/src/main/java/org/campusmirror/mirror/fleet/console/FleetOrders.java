package org.campusmirror.mirror.fleet.console;

import java.io.IOException;
import java.security.KeyPair;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.campusmirror.mirror.fleet.FleetLink;
import org.campusmirror.mirror.fleet.Topics;
import org.campusmirror.mirror.fleet.trust.Envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the managing mirror sends, each signed with the fleet's private key for its topic, retained so a mirror
 * that comes back later still gets it. Sequence numbers are the time in milliseconds, kept increasing, so they stay
 * newer than anything sent before, also across restarts.
 */
final class FleetOrders {
    private final FleetLink link;
    private final KeyPair key;
    private final ObjectMapper json;
    private final Clock clock;
    private final AtomicLong lastSeq = new AtomicLong();

    FleetOrders(FleetLink link, KeyPair key, ObjectMapper json, Clock clock) {
        this.link = link;
        this.key = key;
        this.json = json;
        this.clock = clock;
    }

    void announce(String group, ObjectNode announcement) throws IOException {
        String topic = link.topics().announce(checked(group));
        announcement.put("seq", nextSeq());
        send(topic, announcement);
    }

    void clearAnnouncement(String group) throws IOException {
        link.publish(link.topics().announce(checked(group)), new byte[0], true);
    }

    void configure(String group, String pid, ObjectNode properties) throws IOException {
        if (!Topics.validPid(pid)) {
            throw new IllegalArgumentException("a PID is letters, digits, '.', '_', '-', optionally ~name");
        }
        ObjectNode body = json.createObjectNode();
        body.put("seq", nextSeq());
        body.set("properties", properties);
        send(link.topics().config(checked(group), pid), body);
    }

    void rollOut(String group, String symbolicName, String version, String url, String sha256) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("seq", nextSeq());
        body.put("symbolicName", symbolicName);
        body.put("version", version);
        body.put("url", url);
        body.put("sha256", sha256);
        send(link.topics().rollout(checked(group)), body);
    }

    private void send(String topic, ObjectNode body) throws IOException {
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always writes", e);
        }
        link.publish(topic, Envelope.seal(topic, text, key.getPrivate(), json), true);
    }

    private long nextSeq() {
        long now = clock.millis();
        return lastSeq.updateAndGet(last -> Math.max(last + 1, now));
    }

    private static String checked(String group) {
        if (!Topics.validName(group)) {
            throw new IllegalArgumentException("a group is 1-64 letters, digits, '.', '_' or '-' (or 'all')");
        }
        return group;
    }
}
