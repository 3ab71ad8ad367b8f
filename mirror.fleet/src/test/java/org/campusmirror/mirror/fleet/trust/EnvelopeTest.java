package org.campusmirror.mirror.fleet.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class EnvelopeTest {
    private static final String TOPIC = "campusmirror/config/library/org.campusmirror.demo";
    private static final String BODY = "{\"seq\":7,\"properties\":{\"a\":\"b\"}}";
    private final ObjectMapper json = new ObjectMapper();
    private final KeyPair fleet = FleetKeys.generate();

    @Test
    void aMessageSignedForItsTopicVerifies() throws Exception {
        Envelope envelope = Envelope.read(Envelope.seal(TOPIC, BODY, fleet.getPrivate(), json), json);
        envelope.verify(TOPIC, fleet.getPublic());
        assertEquals(BODY, envelope.body());
        assertEquals(7, envelope.bodyJson(json).path("seq").asLong());
    }

    @Test
    void theSameMessageOnAnotherTopicIsRefused() throws Exception {
        Envelope envelope = Envelope.read(Envelope.seal(TOPIC, BODY, fleet.getPrivate(), json), json);
        Refusal refusal = assertThrows(Refusal.class,
                () -> envelope.verify("campusmirror/config/building-a/org.campusmirror.demo", fleet.getPublic()));
        assertEquals("bad-signature", refusal.code());
    }

    @Test
    void aChangedBodyIsRefused() throws Exception {
        ObjectNode sealed = (ObjectNode) json.readTree(Envelope.seal(TOPIC, BODY, fleet.getPrivate(), json));
        sealed.put("body", BODY.replace("\"b\"", "\"c\""));
        Envelope envelope = Envelope.read(json.writeValueAsBytes(sealed), json);
        assertEquals("bad-signature", assertThrows(Refusal.class, () -> envelope.verify(TOPIC, fleet.getPublic())).code());
    }

    @Test
    void anotherKeysSignatureIsRefused() throws Exception {
        KeyPair stranger = FleetKeys.generate();
        Envelope envelope = Envelope.read(Envelope.seal(TOPIC, BODY, stranger.getPrivate(), json), json);
        assertEquals("bad-signature", assertThrows(Refusal.class, () -> envelope.verify(TOPIC, fleet.getPublic())).code());
    }

    @Test
    void aBareObjectIsAnUnsignedMessageAndRefusedWhereASignatureIsNeeded() throws Exception {
        Envelope envelope = Envelope.read(BODY.getBytes(StandardCharsets.UTF_8), json);
        assertFalse(envelope.signed());
        assertEquals(BODY, envelope.body());
        assertEquals("unsigned", assertThrows(Refusal.class, () -> envelope.verify(TOPIC, fleet.getPublic())).code());
    }

    @Test
    void withoutAFleetKeyNothingVerifies() throws Exception {
        Envelope envelope = Envelope.read(Envelope.seal(TOPIC, BODY, fleet.getPrivate(), json), json);
        assertEquals("no-fleet-key", assertThrows(Refusal.class, () -> envelope.verify(TOPIC, null)).code());
    }

    @Test
    void garbageIsInvalidNotACrash() {
        for (String payload : new String[] {"", "[1]", "{\"body\": 5}", "\u0000\u0001", "{\"body\":\"{}\",\"signature\":\"%%\"}"}) {
            Refusal refusal = assertThrows(Refusal.class,
                    () -> Envelope.read(payload.getBytes(StandardCharsets.UTF_8), json), payload);
            assertTrue(refusal.code().equals("invalid") || refusal.code().equals("bad-signature"), refusal.code());
        }
    }

    @Test
    void keysSurviveTheirTextForms(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        java.nio.file.Path file = folder.resolve("fleet.key");
        FleetKeys.store(fleet, file);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file)));
        KeyPair loaded = FleetKeys.load(file);
        Envelope envelope = Envelope.read(Envelope.seal(TOPIC, BODY, loaded.getPrivate(), json), json);
        envelope.verify(TOPIC, FleetKeys.publicKey(FleetKeys.encode(fleet.getPublic())));
    }
}
