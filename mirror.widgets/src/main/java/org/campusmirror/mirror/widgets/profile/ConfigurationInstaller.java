package org.campusmirror.mirror.widgets.profile;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Installs and removes this bundle's shipped configurations through Config Admin. */
final class ConfigurationInstaller {
    private final ConfigurationAdmin admin;

    ConfigurationInstaller(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    /** The JSON files in {@code folder} of the bundle, in name order, with placeholders replaced. */
    static List<BundledConfiguration> read(Bundle bundle, String folder, Map<String, String> placeholders)
            throws IOException {
        Enumeration<URL> entries = bundle.findEntries(folder, "*.json", false);
        List<URL> files = entries == null ? List.of() : Collections.list(entries);
        List<BundledConfiguration> configurations = new ArrayList<>();
        for (URL file : files.stream().sorted((a, b) -> a.getPath().compareTo(b.getPath())).toList()) {
            String fileName = file.getPath().substring(file.getPath().lastIndexOf('/') + 1);
            try (InputStream in = file.openStream()) {
                configurations.add(BundledConfiguration.read(fileName.substring(0, fileName.length() - 5), in,
                        placeholders));
            }
        }
        return configurations;
    }

    /**
     * Creates or updates each as the factory configuration {@code factoryPid~<profile>-<name>}, marked with the
     * profile; returns the PIDs.
     */
    List<String> install(String profile, List<BundledConfiguration> configurations) throws IOException {
        List<String> pids = new ArrayList<>();
        for (BundledConfiguration bundled : configurations) {
            Configuration configuration = admin.getFactoryConfiguration(bundled.factoryPid(),
                    profile + "-" + bundled.name(), "?");
            configuration.updateIfDifferent(bundled.dictionary(profile));
            pids.add(configuration.getPid());
        }
        return pids;
    }

    /** Deletes every configuration this bundle installed for {@code profile}; returns how many. */
    int remove(String profile) throws IOException {
        Configuration[] found;
        try {
            found = admin.listConfigurations("(" + BundledConfiguration.MARKER + "=" + profile + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("profile name '" + profile + "' breaks the filter", e);
        }
        if (found == null) {
            return 0;
        }
        for (Configuration configuration : found) {
            configuration.delete();
        }
        return found.length;
    }

    /** Whether any configuration of the given factory PIDs exists (an admin's, or earlier defaults). */
    boolean anyOf(List<String> factoryPids) throws IOException {
        for (String factoryPid : factoryPids) {
            try {
                Configuration[] found = admin.listConfigurations("(service.factoryPid=" + factoryPid + ")");
                if (found != null && found.length > 0) {
                    return true;
                }
            } catch (InvalidSyntaxException e) {
                throw new IllegalArgumentException("factory PID '" + factoryPid + "' breaks the filter", e);
            }
        }
        return false;
    }
}
