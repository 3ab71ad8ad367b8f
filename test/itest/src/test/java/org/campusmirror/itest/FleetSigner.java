package org.campusmirror.itest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Signs fleet messages the way the README's contract says, written here from the README and not taken from the
 * bundle, so the test checks the documented form: Ed25519 over the UTF-8 of
 * {@code "campusmirror-fleet-v1\n" + topic + "\n" + body}, sent as {@code {"body": body, "signature": base64}}.
 */
final class FleetSigner {
    private static final ObjectMapper JSON = new ObjectMapper();
    final KeyPair keys;

    FleetSigner() throws GeneralSecurityException {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    String publicKey() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** The key file of the managing mirror: PKCS#8 then X.509, Base64, one a line; mode 600. */
    void writeKeyFile(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()) + "\n"
                + publicKey() + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    byte[] sign(String topic, String body) throws GeneralSecurityException, IOException {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(keys.getPrivate());
        signer.update(("campusmirror-fleet-v1\n" + topic + "\n" + body).getBytes(StandardCharsets.UTF_8));
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("body", body);
        envelope.put("signature", Base64.getEncoder().encodeToString(signer.sign()));
        return JSON.writeValueAsBytes(envelope);
    }
}
