package org.campusmirror.mirror.fleet.trust;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A signed fleet message: {@code {"body": "<JSON text>", "signature": "<Base64>"}}. The body is carried as a string,
 * so the bytes signed are exactly the bytes received and no JSON canonicalisation is needed. The canonical form
 * signed with Ed25519 is the UTF-8 of
 * <pre>
 * campusmirror-fleet-v1 LF topic LF body
 * </pre>
 * so a message signed for one topic (one group, one PID) cannot be replayed on another.
 *
 * @param body      the JSON text of the message
 * @param signature the Ed25519 signature, or null for an unsigned message
 */
public record Envelope(String body, byte[] signature) {
    public static final String CONTEXT = "campusmirror-fleet-v1";
    static final String BODY = "body";
    static final String SIGNATURE = "signature";

    /**
     * Reads a payload: an envelope, or (unsigned) the bare JSON object itself, which is then its own body.
     *
     * @throws Refusal INVALID when it is neither
     */
    public static Envelope read(byte[] payload, ObjectMapper json) throws Refusal {
        String text = new String(payload, StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new Refusal(Refusal.Reason.INVALID, "not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Refusal(Refusal.Reason.INVALID, "not a JSON object");
        }
        JsonNode body = root.get(BODY);
        if (body == null) {
            return new Envelope(text, null);
        }
        if (!body.isTextual()) {
            throw new Refusal(Refusal.Reason.INVALID, "'body' is not a string");
        }
        JsonNode signature = root.get(SIGNATURE);
        if (signature == null || signature.isNull()) {
            return new Envelope(body.asText(), null);
        }
        try {
            return new Envelope(body.asText(), Base64.getDecoder().decode(signature.asText()));
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Reason.BAD_SIGNATURE, "the signature is not Base64");
        }
    }

    public boolean signed() {
        return signature != null;
    }

    /** The body as a JSON object. */
    public ObjectNode bodyJson(ObjectMapper json) throws Refusal {
        try {
            JsonNode node = json.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new Refusal(Refusal.Reason.INVALID, "the body is not JSON: " + e.getOriginalMessage());
        }
        throw new Refusal(Refusal.Reason.INVALID, "the body is not a JSON object");
    }

    /** Checks the signature for {@code topic}; throws UNSIGNED, NO_FLEET_KEY or BAD_SIGNATURE. */
    public void verify(String topic, PublicKey fleetKey) throws Refusal {
        if (!signed()) {
            throw new Refusal(Refusal.Reason.UNSIGNED, "the message is not signed");
        }
        if (fleetKey == null) {
            throw new Refusal(Refusal.Reason.NO_FLEET_KEY, "no fleet public key is configured");
        }
        try {
            Signature verifier = Signature.getInstance(FleetKeys.ALGORITHM);
            verifier.initVerify(fleetKey);
            verifier.update(canonical(topic, body));
            if (!verifier.verify(signature)) {
                throw new Refusal(Refusal.Reason.BAD_SIGNATURE, "the signature does not match the fleet key");
            }
        } catch (GeneralSecurityException e) {
            throw new Refusal(Refusal.Reason.BAD_SIGNATURE, "the signature cannot be checked: " + e.getMessage());
        }
    }

    /** The payload of {@code body} signed for {@code topic}. */
    public static byte[] seal(String topic, String body, PrivateKey key, ObjectMapper json) {
        try {
            Signature signer = Signature.getInstance(FleetKeys.ALGORITHM);
            signer.initSign(key);
            signer.update(canonical(topic, body));
            ObjectNode envelope = json.createObjectNode();
            envelope.put(BODY, body);
            envelope.put(SIGNATURE, Base64.getEncoder().encodeToString(signer.sign()));
            return json.writeValueAsBytes(envelope);
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("cannot sign with the fleet key", e);
        }
    }

    static byte[] canonical(String topic, String body) {
        return (CONTEXT + "\n" + topic + "\n" + body).getBytes(StandardCharsets.UTF_8);
    }
}
