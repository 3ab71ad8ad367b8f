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
    private LaunchProperties() {
    }

    /**
     * @param console      whether a terminal is attached: only then does Gogo run an interactive shell
     * @param system       the current system properties; a key the user set explicitly is never overridden
     *                     where the user is meant to choose (Gogo, logging)
     * @param loggingConfig the built-in logback configuration, used unless {@code logback.configurationFile} is set
     */
    static Map<String, String> of(MirrorSettings settings, AdminPassword password, boolean console,
            Properties system, URL loggingConfig) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(MirrorSettings.HOME, settings.home().toString());
        properties.put(MirrorSettings.HTTP_PORT, Integer.toString(settings.httpPort()));
        properties.put(MirrorSettings.WS_PORT, Integer.toString(settings.wsPort()));

        // Framework storage lives in the home folder and is kept: bundles installed at run time and
        // configurations must survive a restart. launch.keep=false would make the bnd launcher wipe it.
        String storage = settings.frameworkStorage().toString();
        properties.put("launch.storage.dir", storage);
        properties.put("launch.keep", "true");
        properties.put("org.osgi.framework.storage", storage);

        properties.put("felix.cm.dir", settings.configs().toString());
        properties.put("felix.fileinstall.dir", settings.deploy().toString());
        properties.put("org.osgi.service.http.port", Integer.toString(settings.httpPort()));

        properties.put("felix.webconsole.username", AdminPassword.USER);
        properties.put("felix.webconsole.password", password.consoleHash());

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
