package org.campusmirror.mirror.fleet;

import java.time.Instant;

import org.campusmirror.mirror.fleet.trust.Refusal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a mirror did with one configuration, rollout or announcement, published (not retained) on
 * {@code PREFIX/mirrors/MIRROR_ID/events}:
 * {@code {"mirrorId","time","topic","kind","seq","result":"applied"|"refused","reason","detail"}}.
 *
 * @param kind   {@code config}, {@code rollout} or {@code announcement}
 * @param seq    the message's sequence number, or -1 when it had none (or could not be read)
 * @param reason the refusal's stable word (see {@link Refusal.Reason}), or null when applied
 * @param detail a sentence for people, at most {@value #MAX_DETAIL} characters
 */
public record FleetEvent(Instant time, String topic, String kind, long seq, String reason, String detail) {
    static final int MAX_DETAIL = 300;

    public FleetEvent {
        detail = detail == null ? "" : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail;
    }

    static FleetEvent applied(Instant time, String topic, String kind, long seq, String detail) {
        return new FleetEvent(time, topic, kind, seq, null, detail);
    }

    static FleetEvent refused(Instant time, String topic, String kind, long seq, Refusal refusal) {
        return new FleetEvent(time, topic, kind, seq, refusal.code(), refusal.getMessage());
    }

    public boolean applied() {
        return reason == null;
    }

    byte[] json(ObjectMapper json, String mirrorId) {
        ObjectNode node = json.createObjectNode();
        node.put("mirrorId", mirrorId);
        node.put("time", time.toString());
        node.put("topic", topic);
        node.put("kind", kind);
        node.put("seq", seq);
        node.put("result", applied() ? "applied" : "refused");
        if (reason != null) {
            node.put("reason", reason);
        }
        node.put("detail", detail);
        try {
            return json.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always writes", e);
        }
    }
}
