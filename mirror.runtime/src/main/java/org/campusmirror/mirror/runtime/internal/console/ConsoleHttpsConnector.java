package org.campusmirror.mirror.runtime.internal.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

import org.apache.felix.http.jetty.ConnectorFactory;
import org.campusmirror.mirror.runtime.Readiness;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTPS port ({@code mirror.https.port}, on {@code mirror.http.host}), added to Felix HTTP's Jetty
 * through its {@link ConnectorFactory} whiteboard. Felix HTTP could open HTTPS itself, but only with the keystore
 * password as a framework property or a configuration, both of which the console displays; here the launcher hands
 * the password over in a file only the mirror's user can read, and it stays in this object. The port serves the
 * same contexts as the HTTP port. While the connector listens, this is registered as {@link ConsoleHttps} with the
 * readiness part {@value #READY_PART}.
 */
@Component(service = {}, immediate = true)
public final class ConsoleHttpsConnector implements ConsoleHttps {
    static final String READY_PART = "https";
    static final String PORT = "mirror.https.port";
    static final String HOST = "mirror.http.host";
    static final String KEYSTORE = "mirror.https.keystore";
    static final String KEYSTORE_TYPE = "mirror.https.keystore.type";
    static final String KEYSTORE_PASSWORD_FILE = "mirror.https.keystore.password.file";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleHttpsConnector.class);
    private static final long IDLE_TIMEOUT_MILLIS = 60_000;

    private final BundleContext context;
    private final String host;
    private final int port;
    private volatile KeyStore keyStore;
    private volatile String password;
    private volatile ServerConnector connector;
    private ServiceRegistration<ConnectorFactory> factory;
    private boolean closed;
    private final Object readyLock = new Object();
    private ServiceRegistration<?> ready;

    @Activate
    public ConsoleHttpsConnector(BundleContext context) {
        this.context = context;
        String configuredHost = context.getProperty(HOST);
        this.host = configuredHost == null || configuredHost.isBlank() ? null : configuredHost.strip();
        this.port = Integer.parseInt(orDefault(context.getProperty(PORT), "8443").strip());
        // Opening the keystore and starting TLS take a while on a Pi: done beside the other bundles' start, not in
        // the framework's start-level thread.
        Thread opener = new Thread(this::open, "mirror-console-https");
        opener.setDaemon(true);
        opener.start();
    }

    @Deactivate
    void deactivate() {
        ServiceRegistration<ConnectorFactory> registered;
        synchronized (this) {
            closed = true;
            registered = factory;
            factory = null;
        }
        if (registered != null) {
            unregister(registered); // Felix HTTP stops and removes the connector
        }
        announce(false);
    }

    private void open() {
        UnaryOperator<String> property = context::getProperty;
        try {
            Path passwordFile = Path.of(required(property, KEYSTORE_PASSWORD_FILE));
            String loadedPassword = Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst()
                    .orElse("");
            KeyStore loaded = KeyStore.getInstance(orDefault(property.apply(KEYSTORE_TYPE), "PKCS12"));
            try (InputStream in = Files.newInputStream(Path.of(required(property, KEYSTORE)))) {
                loaded.load(in, loadedPassword.toCharArray());
            }
            keyStore = loaded;
            password = loadedPassword;
        } catch (IOException | GeneralSecurityException | IllegalStateException e) {
            LOG.error("The Web Console's HTTPS port {} stays closed: cannot open the keystore ({})", port,
                    e.getMessage());
            return;
        }
        ServiceRegistration<ConnectorFactory> registered;
        try {
            // Not under this object's lock: Felix HTTP starts the connector inside this call.
            registered = context.registerService(ConnectorFactory.class, this::connector, null);
        } catch (IllegalStateException stopping) {
            return;
        }
        synchronized (this) {
            if (!closed) {
                factory = registered;
                return;
            }
        }
        unregister(registered);
    }

    private static void unregister(ServiceRegistration<?> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping
        }
    }

    @Override
    public OptionalInt port() {
        ServerConnector current = connector;
        int local = current == null || !current.isStarted() ? -1 : current.getLocalPort();
        return local > 0 ? OptionalInt.of(local) : OptionalInt.empty();
    }

    /** Called by Felix HTTP for each Jetty server it starts (again after its configuration changed). */
    private Connector connector(Server server) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(keyStore);
        tls.setKeyStorePassword(password);
        tls.setKeyManagerPassword(password);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        // The console is reached by names the certificate may not carry (a campus DNS alias); the browser already
        // warns about such a name, so Jetty need not refuse the request on top. No HSTS: it would bind every port
        // of the host to HTTPS, the display page's plain HTTP port included.
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);

        // No acceptor thread: the one selector accepts too; the console sees a handful of connections.
        ServerConnector https = new ServerConnector(server, 0, 1, new SslConnectionFactory(tls, "http/1.1"),
                new HttpConnectionFactory(http));
        https.setHost(host);
        https.setPort(port);
        https.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        https.addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarted(LifeCycle event) {
                LOG.info("Web Console over HTTPS on port {} (certificate SHA-256 {})", https.getLocalPort(),
                        fingerprint());
                announce(true);
            }

            @Override
            public void lifeCycleStopped(LifeCycle event) {
                announce(false);
            }
        });
        connector = https;
        return https;
    }

    private void announce(boolean up) {
        synchronized (readyLock) {
            if (up && ready == null) {
                Dictionary<String, Object> properties = new Hashtable<>();
                properties.put(Readiness.PART_PROPERTY, READY_PART);
                try {
                    ready = context.registerService(ConsoleHttps.class, this, properties);
                } catch (IllegalStateException stopping) {
                    // the bundle is stopping
                }
            } else if (!up && ready != null) {
                unregister(ready);
                ready = null;
            }
        }
    }

    private String fingerprint() {
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                Certificate certificate = keyStore.getCertificate(alias);
                if (keyStore.isKeyEntry(alias) && certificate != null) {
                    byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
                    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
                }
            }
        } catch (GeneralSecurityException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }

    private static String required(UnaryOperator<String> property, String key) {
        String value = property.apply(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " is not set; start the mirror with java -jar mirror.jar");
        }
        return value.strip();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
