package org.campusmirror.ws.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS (wss, <a href="https://www.rfc-editor.org/rfc/rfc6455#section-11.1.2">RFC 6455 section 11.1.2</a>)
 * from a key store file: the server's certificate chain and private key. The server speaks TLS 1.2 and 1.3
 * through {@link javax.net.ssl.SSLEngine}.
 *
 * @param keyStore     the key store file
 * @param password     its password (also the key's)
 * @param keyStoreType {@code PKCS12} (the default of {@code keytool}) or {@code JKS}
 */
public record TlsConfig(Path keyStore, String password, String keyStoreType) {

    public TlsConfig {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(keyStoreType, "keyStoreType");
    }

    /** A PKCS12 key store. */
    public static TlsConfig pkcs12(Path keyStore, String password) {
        return new TlsConfig(keyStore, password, "PKCS12");
    }

    /** The server-side context: its key managers from the key store, default trust. */
    public SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore store = load();
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** A client-side context that trusts the certificates in this key store (e.g. a self-signed one). */
    public SSLContext trustingContext() throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private KeyStore load() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(keyStoreType);
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    @Override
    public String toString() {
        return "TlsConfig[" + keyStore + ", " + keyStoreType + "]"; // never the password
    }
}
