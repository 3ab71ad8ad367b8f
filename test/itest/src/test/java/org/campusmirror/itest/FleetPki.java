package org.campusmirror.itest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throw-away PKI made with the JDK's keytool, as an admin would: a CA, and one server certificate it signs for
 * 127.0.0.1, used by the broker (mqtts) and by the HTTPS server the rollouts come from. The mirrors trust the CA.
 */
final class FleetPki {
    static final String PASSWORD = "fleet-test";

    final Path folder;
    final Path caPem;
    final Path serverKeystore;
    final Path serverCertPem;
    final Path serverKeyPem;
    /** PKCS12 with only the CA, for -Djavax.net.ssl.trustStore. */
    final Path truststore;

    private FleetPki(Path folder) {
        this.folder = folder;
        this.caPem = folder.resolve("ca.pem");
        this.serverKeystore = folder.resolve("server.p12");
        this.serverCertPem = folder.resolve("server.pem");
        this.serverKeyPem = folder.resolve("server.key");
        this.truststore = folder.resolve("trust.p12");
    }

    static FleetPki create(Path folder) throws IOException, InterruptedException, GeneralSecurityException {
        Files.createDirectories(folder);
        FleetPki pki = new FleetPki(folder);
        Path ca = folder.resolve("ca.p12");
        keytool(null, "-genkeypair", "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Fleet Test CA",
                "-ext", "bc:c", "-validity", "3");
        keytool(null, "-exportcert", "-rfc", "-keystore", ca.toString(), "-storepass", PASSWORD, "-alias", "ca",
                "-file", pki.caPem.toString());
        keytool(null, "-genkeypair", "-keystore", pki.serverKeystore.toString(), "-storetype", "PKCS12", "-storepass",
                PASSWORD, "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-validity", "3");
        Path request = folder.resolve("server.csr");
        keytool(null, "-certreq", "-keystore", pki.serverKeystore.toString(), "-storepass", PASSWORD, "-alias",
                "server", "-file", request.toString());
        keytool(null, "-gencert", "-rfc", "-keystore", ca.toString(), "-storepass", PASSWORD, "-alias", "ca",
                "-infile", request.toString(), "-outfile", pki.serverCertPem.toString(), "-validity", "3",
                "-ext", "san=ip:127.0.0.1", "-ext", "eku=serverAuth", "-ext", "ku=digitalSignature");
        keytool(null, "-importcert", "-noprompt", "-keystore", pki.serverKeystore.toString(), "-storepass", PASSWORD,
                "-alias", "ca", "-file", pki.caPem.toString());
        keytool(null, "-importcert", "-keystore", pki.serverKeystore.toString(), "-storepass", PASSWORD, "-alias",
                "server", "-file", pki.serverCertPem.toString());
        keytool(null, "-importcert", "-noprompt", "-keystore", pki.truststore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-alias", "ca", "-file", pki.caPem.toString());
        pki.writeServerKeyPem();
        return pki;
    }

    /** The server's private key as PKCS#8 PEM, which Mosquitto (OpenSSL) reads. */
    private void writeServerKeyPem() throws IOException, GeneralSecurityException {
        KeyStore store = serverStore();
        PrivateKey key = (PrivateKey) store.getKey("server", PASSWORD.toCharArray());
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(serverKeyPem, pem);
    }

    private KeyStore serverStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverKeystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** For the test's HTTPS server: the server certificate and key. */
    SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(serverStore(), PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** For the test's own MQTT clients: trust the CA. */
    SSLContext clientContext() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(truststore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static void keytool(Path workingDir, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        Process keytool = builder.start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (keytool.waitFor() != 0) {
            throw new IOException("keytool " + arguments[0] + " failed: " + output);
        }
    }
}
