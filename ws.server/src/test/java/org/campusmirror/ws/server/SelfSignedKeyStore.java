package org.campusmirror.ws.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A fresh self-signed certificate for localhost / 127.0.0.1, made with the JDK's keytool. */
final class SelfSignedKeyStore {
    static final String PASSWORD = "changeit";

    private SelfSignedKeyStore() {
    }

    static TlsConfig create(Path folder) throws IOException, InterruptedException {
        Path store = folder.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "mirror",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD))
                .redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(store)) {
            throw new IOException("keytool failed: " + new String(process.getInputStream().readAllBytes()));
        }
        return TlsConfig.pkcs12(store, PASSWORD);
    }
}
