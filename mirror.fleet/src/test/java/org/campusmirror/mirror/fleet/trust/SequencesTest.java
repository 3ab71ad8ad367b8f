package org.campusmirror.mirror.fleet.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class SequencesTest {
    private static final String TOPIC = "campusmirror/rollout/library";
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aHigherNumberIsNewAndALowerOneAReplay(@TempDir Path folder) throws Exception {
        Sequences sequences = new Sequences(folder.resolve("seq.json"), json);
        assertEquals(Sequences.Verdict.NEW, sequences.judge(TOPIC, 5, "d5", false));
        sequences.accept(TOPIC, 5, "d5");
        assertEquals(Sequences.Verdict.NEW, sequences.judge(TOPIC, 6, "d6", false));
        assertEquals("replayed", assertThrows(Refusal.class, () -> sequences.judge(TOPIC, 4, "d4", false)).code());
        assertEquals("replayed", assertThrows(Refusal.class, () -> sequences.judge(TOPIC, 4, "d4", true)).code());
    }

    @Test
    void theSameMessageRetainedAgainIsQuietButLiveItIsAReplay(@TempDir Path folder) throws Exception {
        Sequences sequences = new Sequences(folder.resolve("seq.json"), json);
        sequences.accept(TOPIC, 5, "d5");
        assertEquals(Sequences.Verdict.ALREADY_APPLIED, sequences.judge(TOPIC, 5, "d5", true));
        assertEquals("replayed", assertThrows(Refusal.class, () -> sequences.judge(TOPIC, 5, "d5", false)).code());
        assertEquals("replayed", assertThrows(Refusal.class, () -> sequences.judge(TOPIC, 5, "other", true)).code());
    }

    @Test
    void aRetiredMessageIsAReplayEvenRetainedAndItsNumberStillCounts(@TempDir Path folder) throws Exception {
        Sequences sequences = new Sequences(folder.resolve("seq.json"), json);
        sequences.retire(TOPIC);
        assertEquals(Sequences.Verdict.NEW, sequences.judge(TOPIC, 1, "d1", true), "nothing to retire yet");
        sequences.accept(TOPIC, 5, "d5");
        sequences.retire(TOPIC);
        Sequences reopened = new Sequences(folder.resolve("seq.json"), json);
        assertEquals("replayed", assertThrows(Refusal.class, () -> reopened.judge(TOPIC, 5, "d5", true)).code());
        assertEquals("replayed", assertThrows(Refusal.class, () -> reopened.judge(TOPIC, 4, "d4", true)).code());
        assertEquals(Sequences.Verdict.NEW, reopened.judge(TOPIC, 6, "d6", false));
    }

    @Test
    void numbersSurviveARestartPerTopic(@TempDir Path folder) throws Exception {
        new Sequences(folder.resolve("seq.json"), json).accept(TOPIC, 9, "d9");
        Sequences reopened = new Sequences(folder.resolve("seq.json"), json);
        assertThrows(Refusal.class, () -> reopened.judge(TOPIC, 9, "d9", false));
        assertEquals(Sequences.Verdict.NEW, reopened.judge("campusmirror/rollout/building-a", 1, "x", false));
    }
}
