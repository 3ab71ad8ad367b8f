package org.campusmirror.mirror.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS side of an mqtts connection: trust the configured CA (else the JVM's), and present the mirror's client
 * certificate when one is configured. TLS 1.2 or 1.3 only; Paho checks the broker's host name.
 */
final class BrokerTls {
    private BrokerTls() {
    }

    static SSLSocketFactory socketFactory(FleetSettings settings) throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = null;
        if (settings.caCertificate() != null) {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            try (InputStream in = Files.newInputStream(settings.caCertificate())) {
                int index = 0;
                for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    anchors.setCertificateEntry("fleet-ca-" + index++, certificate);
                }
                if (index == 0) {
                    throw new GeneralSecurityException(settings.caCertificate() + " holds no certificate");
                }
            }
            trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(anchors);
        }
        KeyManagerFactory keys = null;
        if (settings.clientKeystore() != null) {
            KeyStore own = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(settings.clientKeystore())) {
                own.load(in, settings.clientKeystorePassword());
            }
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(own, settings.clientKeystorePassword());
        }
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }
}
