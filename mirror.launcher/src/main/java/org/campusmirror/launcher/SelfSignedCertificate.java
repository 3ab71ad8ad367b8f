package org.campusmirror.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Generates the console's self-signed certificate with the JDK's own {@code keytool} (Java 17 has no public X.509
 * builder; {@code keytool} ships with every JRE, Debian's headless one included): an EC P-256 key in
 * {@code tls/console.p12} (mode 600) under a random password in {@code tls/console.p12.password} (mode 600), and the
 * certificate as PEM in {@code tls/console.crt} for admins to trust. The names cover every way the console is
 * reached on a campus network: localhost, 127.0.0.1, ::1, the host name (and its {@code .local} mDNS name), and the
 * machine's addresses.
 */
final class SelfSignedCertificate {
    static final String KEYSTORE = "console.p12";
    static final String PASSWORD = "console.p12.password";
    static final String CERTIFICATE = "console.crt";
    /** At most 825 days: Apple's platforms refuse TLS server certificates valid for longer, even self-signed ones. */
    static final int VALIDITY_DAYS = 825;
    private static final String ALIAS = "console";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;
    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");

    private SelfSignedCertificate() {
    }

    /** Generates the three files in {@code tls}, replacing older ones; returns the certificate's SHA-256 fingerprint. */
    static String generate(Path tls) throws StartupException, IOException {
        Files.createDirectories(tls);
        // Built in a private folder and moved into place: keytool creates files with the default mode.
        Path work = Files.createTempDirectory(tls, ".generating-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        try {
            Path password = work.resolve(PASSWORD);
            PrivateFiles.createNew(password, AdminPassword.generate(new SecureRandom()) + "\n");
            Path keystore = work.resolve(KEYSTORE);
            Path certificate = work.resolve(CERTIFICATE);
            String host = hostName();
            Path log = work.resolve("keytool.log");
            keytool(log, "-genkeypair", "-keystore", keystore.toString(), "-storetype", ConsoleKeystore.DEFAULT_TYPE,
                    "-storepass:file", password.toString(), "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
                    "-sigalg", "SHA256withECDSA", "-validity", Integer.toString(VALIDITY_DAYS),
                    "-dname", "CN=" + (isDnsName(host) ? host : "localhost") + ", O=Campus Mirror",
                    "-ext", "SAN=" + String.join(",", subjectAltNames(host, localAddresses())),
                    "-ext", "EKU=serverAuth", "-ext", "KU=digitalSignature", "-noprompt");
            writePem(certificate, ConsoleKeystore.open(keystore, ConsoleKeystore.DEFAULT_TYPE,
                    ConsoleKeystore.readPassword(password)));
            PrivateFiles.restrictToOwner(keystore);
            Files.setPosixFilePermissions(certificate, PosixFilePermissions.fromString("rw-r--r--"));
            String fingerprint = fingerprint(certificate);
            for (Path file : List.of(password, keystore, certificate)) {
                Files.move(file, tls.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
            return fingerprint;
        } finally {
            try (var leftovers = Files.list(work)) {
                for (Path file : leftovers.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    /** The SAN entries in keytool's syntax: {@code dns:localhost}, {@code ip:127.0.0.1}, ... */
    static List<String> subjectAltNames(String host, List<InetAddress> addresses) {
        Set<String> names = new LinkedHashSet<>(List.of("dns:localhost", "ip:127.0.0.1", "ip:::1"));
        if (isDnsName(host)) {
            names.add("dns:" + host);
            if (!host.contains(".")) {
                names.add("dns:" + host + ".local");
            }
        }
        for (InetAddress address : addresses) {
            if (!address.isLinkLocalAddress() && !address.isLoopbackAddress() && !address.isMulticastAddress()) {
                String literal = address.getHostAddress();
                int scope = literal.indexOf('%');
                names.add("ip:" + (scope < 0 ? literal : literal.substring(0, scope)));
            }
        }
        return new ArrayList<>(names);
    }

    /** The certificate as PEM, readable by everyone: it is public, and admins copy it to trust it. */
    private static void writePem(Path file, KeyStore keystore) throws IOException, StartupException {
        try {
            Certificate certificate = keystore.getCertificate(ALIAS);
            String base64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded());
            Files.writeString(file, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n",
                    StandardCharsets.US_ASCII);
        } catch (KeyStoreException | CertificateEncodingException e) {
            throw new StartupException("keytool made a certificate that cannot be read (" + e.getMessage() + ")");
        }
    }

    /** SHA-256 over the certificate's DER encoding, as browsers and {@code openssl x509 -fingerprint -sha256} show it. */
    static String fingerprint(Path pem) throws IOException, StartupException {
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new StartupException("keytool wrote an unreadable certificate " + pem + " (" + e.getMessage() + ")");
        }
    }

    private static boolean isDnsName(String host) {
        return host != null && DNS_NAME.matcher(host).matches();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unnamed) {
            return null;
        }
    }

    private static List<InetAddress> localAddresses() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (face.isUp() && !face.isLoopback()) {
                    addresses.addAll(Collections.list(face.getInetAddresses()));
                }
            }
        } catch (SocketException unlisted) {
            // the certificate still covers localhost and the host name
        }
        return addresses;
    }

    private static void keytool(Path log, String... arguments) throws StartupException, IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>();
        command.add(keytool.toString());
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException missing) {
            throw cannotGenerate(keytool + " cannot run: " + missing.getMessage());
        }
        process.getOutputStream().close();
        try {
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw cannotGenerate("keytool did not finish within " + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                String[] lines = Files.readString(log, StandardCharsets.UTF_8).strip().split("\\R");
                throw cannotGenerate("keytool exited with " + process.exitValue() + ": " + lines[lines.length - 1]);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw cannotGenerate("interrupted");
        }
    }

    private static StartupException cannotGenerate(String reason) {
        return new StartupException("cannot generate the Web Console's TLS certificate (" + reason
                + "); give your own with -D" + ConsoleKeystore.PATH + "=FILE");
    }
}
