package org.campusmirror.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The keystore of the console's HTTPS port: one the admin gives ({@value #PATH}, its password by
 * {@value #PASSWORD}, {@value #ENVIRONMENT} or {@value #PASSWORD_FILE}), else a self-signed certificate generated at
 * first start in {@code HOME/tls/}. The runtime opens the keystore with the first line of {@code passwordFile}
 * (mode 600), so the password is never a system property, a configuration or a console page.
 *
 * @param path         the keystore file
 * @param type         its type, e.g. PKCS12
 * @param passwordFile the file whose first line is its password
 */
record ConsoleKeystore(Path path, String type, Path passwordFile) {
    static final String PATH = "mirror.https.keystore";
    static final String TYPE = "mirror.https.keystore.type";
    static final String PASSWORD = "mirror.https.keystore.password";
    static final String PASSWORD_FILE = "mirror.https.keystore.password.file";
    static final String ENVIRONMENT = "MIRROR_HTTPS_KEYSTORE_PASSWORD";
    static final String DEFAULT_TYPE = "PKCS12";
    /** A generated certificate this close to its end is replaced at start. */
    static final Duration RENEW_BEFORE = Duration.ofDays(30);

    /**
     * Settles the keystore; takes {@value #PASSWORD} out of {@code system} at once. {@code announce} gets the one
     * line said when a certificate is generated.
     */
    static ConsoleKeystore resolve(Properties system, Map<String, String> environment, Path tls,
            Consumer<String> announce) throws StartupException {
        String givenPassword = AdminPassword.takeSecret(system, PASSWORD);
        String given = system.getProperty(PATH);
        Path handedPassword = tls.resolve("keystore.password");
        try {
            if (given == null || given.isBlank()) {
                if (givenPassword != null || environment.get(ENVIRONMENT) != null) {
                    throw new StartupException("a keystore password is given but no keystore; set -D" + PATH
                            + "=FILE, or remove the password to use the generated certificate");
                }
                Files.deleteIfExists(handedPassword);
                return generated(tls, announce);
            }
            Path path = Path.of(given.trim()).toAbsolutePath().normalize();
            String type = system.getProperty(TYPE, DEFAULT_TYPE).trim();
            String password = givenPassword != null ? givenPassword : environment.get(ENVIRONMENT);
            Path passwordFile;
            if (password != null) {
                // The runtime reopens the keystore whenever the HTTP service restarts, so it needs the password
                // for as long as the mirror runs: handed over in a file only the mirror's user can read.
                PrivateFiles.replace(handedPassword, password + "\n");
                passwordFile = handedPassword;
            } else if (system.getProperty(PASSWORD_FILE) != null) {
                Files.deleteIfExists(handedPassword);
                passwordFile = Path.of(system.getProperty(PASSWORD_FILE).trim()).toAbsolutePath().normalize();
                password = readPassword(passwordFile);
            } else {
                throw new StartupException("-D" + PATH + " is set but its password is not; set " + ENVIRONMENT
                        + ", -D" + PASSWORD + " or -D" + PASSWORD_FILE + "=FILE");
            }
            open(path, type, password);
            return new ConsoleKeystore(path, type, passwordFile);
        } catch (IOException e) {
            throw new StartupException("cannot prepare the HTTPS keystore (" + e.getMessage() + "); check that "
                    + tls + " is writable by the mirror's user");
        }
    }

    /**
     * The certificate in {@code tls/}, generated when a piece is missing or the certificate is near its end. Only
     * the public {@code console.crt} is read here (opening the PKCS12 costs a key derivation at every start); a
     * keystore that does not open is reported by the HTTPS port, and deleting {@code tls/} gets a new one.
     */
    private static ConsoleKeystore generated(Path tls, Consumer<String> announce) throws IOException, StartupException {
        ConsoleKeystore keystore = new ConsoleKeystore(tls.resolve(SelfSignedCertificate.KEYSTORE), DEFAULT_TYPE,
                tls.resolve(SelfSignedCertificate.PASSWORD));
        Path certificate = tls.resolve(SelfSignedCertificate.CERTIFICATE);
        if (Files.isRegularFile(keystore.path()) && Files.isRegularFile(keystore.passwordFile())
                && usableUntil(certificate).isAfter(Instant.now().plus(RENEW_BEFORE))) {
            PrivateFiles.restrictToOwner(keystore.path());
            PrivateFiles.restrictToOwner(keystore.passwordFile());
            return keystore;
        }
        String fingerprint = SelfSignedCertificate.generate(tls);
        announce.accept("Campus Mirror generated a self-signed certificate for the Web Console: " + certificate
                + " (SHA-256 fingerprint " + fingerprint + ")");
        return keystore;
    }

    /** When a PEM certificate ends; {@link Instant#MIN} when it cannot be read. */
    private static Instant usableUntil(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            return certificate.getNotAfter().toInstant();
        } catch (IOException | GeneralSecurityException | ClassCastException unreadable) {
            return Instant.MIN; // replaced by a new one, which the announcement reports
        }
    }

    /** Opens the keystore as the HTTPS port will, and checks that it holds a private key that password unlocks. */
    static KeyStore open(Path path, String type, String password) throws StartupException {
        KeyStore store;
        try {
            store = KeyStore.getInstance(type);
        } catch (KeyStoreException unknown) {
            throw new StartupException("-D" + TYPE + "=" + type + " is not a keystore type this Java supports");
        }
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password.toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    store.getKey(alias, password.toCharArray());
                    Certificate[] chain = store.getCertificateChain(alias);
                    if (chain != null && chain.length > 0) {
                        return store;
                    }
                }
            }
            throw new StartupException("the keystore " + path + " holds no private key with a certificate");
        } catch (UnrecoverableKeyException wrongKeyPassword) {
            throw new StartupException("the private key in " + path + " has a password other than the keystore's;"
                    + " give a keystore whose key and store passwords are the same");
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupException("cannot open the keystore " + path + " (" + e.getMessage() + "); check -D"
                    + PATH + " and its password");
        }
    }

    /** The first line of a password file, as keytool reads it. */
    static String readPassword(Path file) throws StartupException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String firstLine = text.lines().findFirst().orElse("");
            if (firstLine.isEmpty()) {
                throw new StartupException("the keystore password file " + file + " is empty");
            }
            return firstLine;
        } catch (IOException e) {
            throw new StartupException("cannot read the keystore password file " + file + " (" + e.getMessage() + ")");
        }
    }
}
