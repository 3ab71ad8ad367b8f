package org.campusmirror.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The Main-Class of {@code mirror.jar}. Before the OSGi framework exists it lays out the home folder, checks that
 * the HTTP, HTTPS and WebSocket ports are free, settles the admin password (taking it out of the system properties
 * and handing the runtime only its salted hash), prepares the HTTPS keystore, and sets the system properties of
 * {@link LaunchProperties}; then it hands over to the bnd launcher embedded in the same jar.
 */
public final class MirrorMain {
    static final String CANNOT_START = "Campus Mirror cannot start: ";
    static final int EXIT_CANNOT_START = 2;
    private static final String BND_LAUNCHER = "aQute.launcher.pre.EmbeddedLauncher";
    // SPI Fly reports every provider it wires through java.util.logging, a dozen INFO lines on stderr at each
    // start. Held here: java.util.logging keeps loggers only weakly, and a collected logger forgets its level.
    private static final java.util.logging.Logger SPI_FLY = java.util.logging.Logger.getLogger("org.apache.aries.spifly");

    private MirrorMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            prepare(System.getProperties(), System.getenv(), System.console() != null);
        } catch (StartupException e) {
            System.err.println(CANNOT_START + e.getMessage());
            System.exit(EXIT_CANNOT_START);
            return;
        }
        if (System.getProperty("java.util.logging.config.file") == null) {
            SPI_FLY.setLevel(java.util.logging.Level.WARNING);
        }
        launchFramework(args);
    }

    /**
     * Everything that happens before the framework.
     * Separate from {@link #main} so tests can run it against their own properties.
     */
    static Prepared prepare(Properties system, Map<String, String> environment, boolean console)
            throws StartupException {
        MirrorSettings settings = MirrorSettings.from(system);
        createLayout(settings);
        PortCheck.requireFree(settings.httpHost(), MirrorSettings.HTTP_HOST, settings.httpPort(),
                MirrorSettings.HTTP_PORT);
        PortCheck.requireFree(settings.httpHost(), MirrorSettings.HTTP_HOST, settings.httpsPort(),
                MirrorSettings.HTTPS_PORT);
        PortCheck.requireFree(settings.wsHost(), MirrorSettings.WS_HOST, settings.wsPort(), MirrorSettings.WS_PORT);
        AdminPassword password = AdminPassword.resolve(system, environment, settings.passwordFile());
        ConsoleKeystore keystore = ConsoleKeystore.resolve(system, environment, settings.tls(), System.out::println);
        Thread hashing = ConsoleCredentials.writeInBackground(settings.credentialsFile(), password);
        if (settings.httpHost() == null) {
            system.remove(MirrorSettings.HTTP_HOST); // an empty value means all interfaces; never pass "" on
        }
        if (settings.wsHost() == null) {
            system.remove(MirrorSettings.WS_HOST);
        }
        LaunchProperties.of(settings, keystore, console, system, MirrorMain.class.getResource("logback.xml"))
                .forEach(system::setProperty);
        if (password.source() == AdminPassword.Source.GENERATED) {
            // Said once, on the start that created it; later starts read the file without a word.
            System.out.println("Campus Mirror generated the Web Console password for user " + AdminPassword.USER
                    + ": " + password.password() + " (stored in " + settings.passwordFile() + ")");
        }
        return new Prepared(settings, hashing);
    }

    /**
     * What {@link #prepare} did: the settings it applied, and the thread still writing the console's credentials
     * (their hash is computed while the framework starts).
     */
    record Prepared(MirrorSettings settings, Thread credentialsWriter) {
    }

    private static void createLayout(MirrorSettings settings) throws StartupException {
        for (Path folder : List.of(settings.home(), settings.frameworkStorage(), settings.configs(),
                settings.cache(), settings.logs(), settings.deploy())) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new StartupException("cannot create " + folder + " (" + e.getMessage() + "); set -D"
                        + MirrorSettings.HOME + " to a writable folder");
            }
        }
    }

    private static void launchFramework(String[] args) throws Exception {
        try {
            Class.forName(BND_LAUNCHER).getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
