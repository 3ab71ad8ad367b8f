package org.campusmirror.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Properties;

/**
 * The Web Console password of user {@code admin}. There is never a built-in default: it is taken from
 * {@code -Dmirror.admin.password}, else from the environment variable {@code MIRROR_ADMIN_PASSWORD}, else from
 * {@code HOME/admin.password}, else generated with {@link SecureRandom} and stored there with mode 600. A password
 * given by property or environment is never stored: only its salted hash reaches the runtime
 * ({@link ConsoleCredentials}).
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

    public enum Source { PROPERTY, ENVIRONMENT, FILE, GENERATED }

    public AdminPassword {
        if (password.isBlank()) {
            throw new IllegalArgumentException("blank password");
        }
    }

    /**
     * Finds the password as the class comment says, generating and storing one on first start. Takes
     * {@value #PROPERTY} out of {@code system} at once: a system property is readable by every bundle and shown on
     * the console's System Properties page.
     */
    public static AdminPassword resolve(Properties system, Map<String, String> environment, Path file)
            throws StartupException {
        String given = takeSecret(system, PROPERTY);
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

    /** Never the password itself: a record's default toString would put it into any log line that names this. */
    @Override
    public String toString() {
        return "AdminPassword[source=" + source + "]";
    }

    /** Removes {@code key} from the system properties and returns its value, or null when it was not set. */
    static String takeSecret(Properties system, String key) {
        String value = system.getProperty(key);
        system.remove(key);
        return value;
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
        PrivateFiles.restrictToOwner(file);
        return stored;
    }

    private static void store(Path file, String password) throws IOException {
        PrivateFiles.createNew(file, password + "\n");
    }
}
