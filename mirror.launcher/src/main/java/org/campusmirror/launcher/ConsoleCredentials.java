package org.campusmirror.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Writes {@code HOME/console.credentials} (mode 600), the only form in which the console password reaches the
 * runtime: one line {@code admin:pbkdf2-sha256:<iterations>:<salt>:<hash>} (salt and hash in Base64). The runtime's
 * console security provider reads it; the clear text goes no further than this class. Rewritten at every start with
 * a new salt, so a password changed by {@code -D} or the environment takes effect at the next start. The hash is
 * computed beside the framework's start ({@link #writeInBackground}); until the file is there, the console refuses
 * every login.
 */
final class ConsoleCredentials {
    static final String FILE_NAME = "console.credentials";
    static final String SCHEME = "pbkdf2-sha256";
    /**
     * PBKDF2 rounds. Chosen for the Pi, where the JVM runs C1 only: about 0.3 s per hash on the development machine,
     * roughly 1 s on a Pi 4, paid once per start and once per login (the runtime remembers credentials it has
     * accepted). Online guessing is bounded by the runtime's login throttle, not by this cost.
     */
    static final int ITERATIONS = 100_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private ConsoleCredentials() {
    }

    /**
     * Deletes the previous file at once (it may hold an older password's hash), then hashes and writes the new one
     * on a thread of its own, which it returns; a failure there is said in one line on stderr.
     */
    static Thread writeInBackground(Path file, AdminPassword password) throws StartupException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
        Thread writer = new Thread(() -> {
            try {
                write(file, password, new SecureRandom());
            } catch (StartupException e) {
                System.err.println("Campus Mirror: the Web Console refuses every login: " + e.getMessage());
            }
        }, "mirror-console-credentials");
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    static void write(Path file, AdminPassword password, SecureRandom random) throws StartupException {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        try {
            PrivateFiles.replace(file, line(AdminPassword.USER, password.password(), salt, ITERATIONS) + "\n");
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
    }

    private static StartupException cannotWrite(Path file, IOException e) {
        return new StartupException("cannot write " + file + " (" + e.getMessage() + "); check that -D"
                + MirrorSettings.HOME + " is writable by the mirror's user");
    }

    static String line(String user, String password, byte[] salt, int iterations) {
        Base64.Encoder base64 = Base64.getEncoder();
        return String.join(":", user, SCHEME, Integer.toString(iterations), base64.encodeToString(salt),
                base64.encodeToString(hash(password, salt, iterations)));
    }

    static byte[] hash(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 platform", e);
        } finally {
            spec.clearPassword();
        }
    }
}
