package org.campusmirror.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The Web Console password of user {@code admin}. There is never a built-in default: it is taken from
 * {@code -Dmirror.admin.password}, else from the environment variable {@code MIRROR_ADMIN_PASSWORD}, else from
 * {@code HOME/admin.password}, else generated with {@link SecureRandom} and stored there with mode 600.
 *
 * @param password the clear-text password
 * @param source   where it came from; only {@link Source#GENERATED} is announced in the log
 */
public record AdminPassword(String password, Source source) {
    public static final String PROPERTY = "mirror.admin.password";
    public static final String ENVIRONMENT = "MIRROR_ADMIN_PASSWORD";
    public static final String USER = "admin";

    static final int GENERATED_LENGTH = 20;
    // No look-alikes (0/O, 1/l/I): the password is read off a log line and typed in by hand.
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    public enum Source { PROPERTY, ENVIRONMENT, FILE, GENERATED }

    public AdminPassword {
        if (password.isBlank()) {
            throw new IllegalArgumentException("blank password");
        }
    }

    /** Finds the password as the class comment says, generating and storing one on first start. */
    public static AdminPassword resolve(Properties system, Map<String, String> environment, Path file)
            throws StartupException {
        String given = system.getProperty(PROPERTY);
        if (given != null) {
            return new AdminPassword(nonBlank(given, "-D" + PROPERTY), Source.PROPERTY);
        }
        given = environment.get(ENVIRONMENT);
        if (given != null) {
            return new AdminPassword(nonBlank(given, "the environment variable " + ENVIRONMENT), Source.ENVIRONMENT);
        }
        try {
            if (Files.exists(file)) {
                return new AdminPassword(readStored(file), Source.FILE);
            }
            String generated = generate(new SecureRandom());
            store(file, generated);
            return new AdminPassword(generated, Source.GENERATED);
        } catch (IOException e) {
            throw new StartupException("cannot read or write " + file + " (" + e + "); set -D" + PROPERTY);
        }
    }

    /** The form the Felix Web Console accepts in {@code felix.webconsole.password}: {@code {sha-256}base64}. */
    public String consoleHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return "{sha-256}" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static String generate(SecureRandom random) {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static String nonBlank(String value, String origin) throws StartupException {
        if (value.isBlank()) {
            throw new StartupException(origin + " is empty; give the admin password a value or leave it unset");
        }
        return value;
    }

    private static String readStored(Path file) throws IOException, StartupException {
        String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (stored.isEmpty()) {
            throw new StartupException(file + " is empty; delete it to generate a new password, or set -D" + PROPERTY);
        }
        restrictToOwner(file);
        return stored;
    }

    private static void store(Path file, String password) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            // Created with mode 600 from the start: the secret is never readable by others, not even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            throw new IOException("created by someone else meanwhile", raced);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException notPosix) {
            // nothing to tighten on such a file system
        }
    }
}
