package org.campusmirror.itest;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS as an admin sets it up: trust exactly the mirror's certificate file, and compare fingerprints. */
final class Tls {
    private Tls() {
    }

    /** An SSLContext that trusts only the certificate in {@code pem} (what {@code curl --cacert} does). */
    static SSLContext trusting(Path pem) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("mirror", certificate(pem));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    static X509Certificate certificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** SHA-256 of the DER encoding, colon-separated upper-case hex, as browsers and openssl show it. */
    static String fingerprint(Certificate certificate) throws GeneralSecurityException {
        return HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }

    /** An IPv4 address of this machine that is not loopback, for connections that must come from the network. */
    static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface face : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (face.isUp() && !face.isLoopback()) {
                for (InetAddress address : Collections.list(face.getInetAddresses())) {
                    if (address.getAddress().length == 4 && !address.isLinkLocalAddress()) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A keystore as an admin would bring one: made with keytool, PKCS12, one EC key pair. */
    static Path adminKeystore(Path file, String password, String commonName) throws IOException, InterruptedException {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", password,
                "-alias", "admins-own", "-keyalg", "EC", "-dname", "CN=" + commonName,
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-noprompt")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (keytool.waitFor() != 0) {
            throw new IOException("keytool failed: " + output);
        }
        return file;
    }

    static X509Certificate certificateIn(Path keystore, String password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        return (X509Certificate) store.getCertificate("admins-own");
    }
}
