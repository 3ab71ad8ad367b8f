package org.campusmirror.mirror.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class TopicsTest {
    private final Topics topics = new Topics("campusmirror");

    @Test
    void theContractsTopicsReadBack() {
        assertEquals("campusmirror/mirrors/m-1/status", topics.status("m-1"));
        assertEquals(Optional.of(new Topics.Announce("all")), topics.parse(topics.announce("all")));
        assertEquals(Optional.of(new Topics.Config("library", "org.example.clock~hall")),
                topics.parse(topics.config("library", "org.example.clock~hall")));
        assertEquals(Optional.of(new Topics.Rollout("building-a")), topics.parse(topics.rollout("building-a")));
        assertEquals(Optional.of(new Topics.Status("m-1")), topics.parse(topics.status("m-1")));
        assertEquals(Optional.of(new Topics.Events("m-1")), topics.parse(topics.events("m-1")));
    }

    @Test
    void anythingElseIsNothing() {
        for (String topic : new String[] {"other/announce/all", "campusmirror/announce", "campusmirror/announce/a/b",
                "campusmirror/config/g/pid/x", "campusmirror/mirrors/m/other", "campusmirror/announce/+"}) {
            assertEquals(Optional.empty(), topics.parse(topic), topic);
        }
    }

    @Test
    void aPrefixOrGroupWithWildcardsOrSlashesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Topics("campus/mirror"));
        assertThrows(IllegalArgumentException.class, () -> new Topics("#"));
        assertEquals(false, Topics.validName("a+b"));
        assertEquals(false, Topics.validName(""));
    }
}
