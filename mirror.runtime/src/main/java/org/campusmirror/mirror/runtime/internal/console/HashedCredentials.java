package org.campusmirror.mirror.runtime.internal.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The console's one user and the salted PBKDF2 hash of its password, as the launcher writes them to
 * {@code HOME/console.credentials}: {@code admin:pbkdf2-sha256:<iterations>:<salt>:<hash>} (Base64). The clear
 * password never reaches the runtime.
 */
final class HashedCredentials {
    static final String FILE_NAME = "console.credentials";
    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int MIN_ITERATIONS = 1_000;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final String user;
    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private HashedCredentials(String user, int iterations, byte[] salt, byte[] hash) {
        this.user = user;
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    static HashedCredentials read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text.lines().findFirst().orElse(""));
    }

    /** Parses one line; a malformed one is refused with the reason, never with its content (a hash). */
    static HashedCredentials parse(String line) throws IOException {
        String[] fields = line.strip().split(":", -1);
        if (fields.length != 5 || fields[0].isEmpty() || !SCHEME.equals(fields[1])) {
            throw new IOException("not a line 'user:" + SCHEME + ":iterations:salt:hash'");
        }
        try {
            int iterations = Integer.parseInt(fields[2]);
            byte[] salt = Base64.getDecoder().decode(fields[3]);
            byte[] hash = Base64.getDecoder().decode(fields[4]);
            if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS || salt.length < 8 || hash.length < 16) {
                throw new IOException("iterations, salt or hash out of range");
            }
            return new HashedCredentials(fields[0], iterations, salt, hash);
        } catch (IllegalArgumentException malformed) {
            throw new IOException("malformed iterations, salt or hash");
        }
    }

    String user() {
        return user;
    }

    /** Whether {@code user} and {@code password} are these credentials. Costs one PBKDF2 run, matching or not. */
    boolean matches(String givenUser, String givenPassword) {
        byte[] given = derive(givenPassword);
        boolean passwordMatches = MessageDigest.isEqual(hash, given);
        return passwordMatches & user.equals(givenUser);
    }

    private byte[] derive(String password) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, hash.length * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 platform", e);
        } finally {
            spec.clearPassword();
        }
    }
}
