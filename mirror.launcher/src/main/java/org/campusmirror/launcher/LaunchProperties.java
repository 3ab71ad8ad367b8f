package org.campusmirror.launcher;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Turns the contract settings into the system properties that the bnd launcher, Felix and the bundles read.
 * The bnd launcher lets a system property override its embedded launch properties, and Felix answers
 * {@code BundleContext.getProperty} from the system properties when a key is not a framework property, so system
 * properties are the one channel that reaches everything.
 */
final class LaunchProperties {
    /**
     * The id of the runtime's console security provider. Listed as required, the Web Console serves nothing until
     * that provider is registered, and its built-in user/password check refuses everyone, whatever a saved
     * configuration of the console says.
     */
    static final String CONSOLE_SECURITY_PROVIDER = "campusmirror";

    private LaunchProperties() {
    }

    /**
     * @param console      whether a terminal is attached: only then does Gogo run an interactive shell
     * @param system       the current system properties; a key the user set explicitly is never overridden
     *                     where the user is meant to choose (Gogo, logging)
     * @param loggingConfig the built-in logback configuration, used unless {@code logback.configurationFile} is set
     */
    static Map<String, String> of(MirrorSettings settings, ConsoleKeystore keystore, boolean console,
            Properties system, URL loggingConfig) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(MirrorSettings.HOME, settings.home().toString());
        properties.put(MirrorSettings.HTTP_PORT, Integer.toString(settings.httpPort()));
        properties.put(MirrorSettings.HTTPS_PORT, Integer.toString(settings.httpsPort()));
        properties.put(MirrorSettings.WS_PORT, Integer.toString(settings.wsPort()));
        if (settings.httpHost() != null) {
            properties.put(MirrorSettings.HTTP_HOST, settings.httpHost());
            properties.put("org.apache.felix.http.host", settings.httpHost());
        }
        if (settings.wsHost() != null) {
            properties.put(MirrorSettings.WS_HOST, settings.wsHost());
        }

        // Framework storage lives in the home folder and is kept: bundles installed at run time and
        // configurations must survive a restart. launch.keep=false would make the bnd launcher wipe it.
        String storage = settings.frameworkStorage().toString();
        properties.put("launch.storage.dir", storage);
        properties.put("launch.keep", "true");
        properties.put("org.osgi.framework.storage", storage);

        properties.put("felix.cm.dir", settings.configs().toString());
        properties.put("felix.fileinstall.dir", settings.deploy().toString());
        properties.put("org.osgi.service.http.port", Integer.toString(settings.httpPort()));

        // No felix.webconsole.username/password: the console's credentials are the runtime's provider's alone.
        properties.put("felix.webconsole.security.providers", CONSOLE_SECURITY_PROVIDER);
        // Paths only; the keystore's password stays in its file.
        properties.put(ConsoleKeystore.PATH, keystore.path().toString());
        properties.put(ConsoleKeystore.TYPE, keystore.type());
        properties.put(ConsoleKeystore.PASSWORD_FILE, keystore.passwordFile().toString());

        if (system.getProperty("gosh.args") == null) {
            // Without a terminal (systemd, a test) an interactive shell would block on stdin or exit on EOF.
            properties.put("gosh.args", console ? "" : "--nointeractive");
        }
        if (system.getProperty("logback.configurationFile") == null && loggingConfig != null) {
            properties.put("logback.configurationFile", loggingConfig.toExternalForm());
        }
        return properties;
    }
}
