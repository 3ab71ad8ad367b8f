package org.campusmirror.mirror.fleet.trust;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The fleet's Ed25519 keys (the JDK's own EdDSA). Public keys travel as Base64 of their X.509 form; the private
 * key lives only on the managing mirror, as PKCS#8 in a file of mode 600.
 */
public final class FleetKeys {
    public static final String ALGORITHM = "Ed25519";

    private FleetKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Java 17 has Ed25519", e);
        }
    }

    /** Reads a public key given as Base64 of its X.509 form (whitespace ignored). */
    public static PublicKey publicKey(String base64) throws GeneralSecurityException {
        try {
            byte[] encoded = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("the fleet public key is not Base64: " + e.getMessage(), e);
        }
    }

    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The private key file written by {@link #store}; its public half is derived from the stored pair file. */
    public static KeyPair load(Path privateFile) throws IOException, GeneralSecurityException {
        String[] lines = Files.readString(privateFile).strip().split("\n");
        if (lines.length != 2) {
            throw new GeneralSecurityException(privateFile + " is not a fleet key file");
        }
        KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
        PrivateKey secret = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines[0])));
        PublicKey open = publicKey(lines[1]);
        return new KeyPair(open, secret);
    }

    /** Writes the pair (PKCS#8 and X.509, Base64, one a line) to a new file of mode 600, atomically. */
    public static void store(KeyPair pair, Path privateFile) throws IOException {
        Files.createDirectories(privateFile.getParent());
        Path temporary = Files.createTempFile(privateFile.getParent(), ".fleet-key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                + encode(pair.getPublic()) + "\n");
        Files.move(temporary, privateFile, StandardCopyOption.ATOMIC_MOVE);
    }
}
