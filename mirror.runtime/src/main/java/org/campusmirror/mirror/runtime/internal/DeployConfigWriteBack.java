package org.campusmirror.mirror.runtime.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import org.apache.felix.cm.file.ConfigurationHandler;
import org.campusmirror.mirror.runtime.files.AtomicFiles;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.SynchronousConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a configuration saved in the console back to the {@code deploy/*.cfg} file it came from, so the edit
 * survives a restart (File Install applies every file again at each start). File Install's own write-back
 * ({@code felix.fileinstall.enableConfigSave}) is off: it truncates the file and writes it in place, so a
 * {@code kill -9} or its own next poll could catch the file empty, and an empty file read back wipes the
 * configuration. Here the file is replaced whole ({@link AtomicFiles}; File Install ignores its hidden temporary
 * file, see {@code felix.fileinstall.filter}). A file that already holds the configuration (File Install just
 * applied it) is left alone, comments and all; one that is rewritten comes out in
 * Config Admin's typed format, which File Install reads back to the same values. The file is found by File Install's
 * naming ({@code PID.cfg}, {@code FACTORYPID-NAME.cfg} for {@code FACTORYPID~NAME}), not by its
 * {@code felix.fileinstall.filename} property, which the console's form drops at the first save. It listens
 * synchronously: the save (the console's answer) returns after the file is replaced, so an answered save is in the
 * file even if the mirror is killed right after.
 */
@Component(service = SynchronousConfigurationListener.class, immediate = true)
public final class DeployConfigWriteBack implements SynchronousConfigurationListener {
    /** The property File Install marks its configurations with: the file's URI. */
    static final String FILENAME = "felix.fileinstall.filename";
    private static final Logger LOG = LoggerFactory.getLogger(DeployConfigWriteBack.class);

    private final ConfigurationAdmin admin;
    private final Path deploy;
    @Activate
    public DeployConfigWriteBack(BundleContext context, @Reference ConfigurationAdmin admin) {
        this.admin = admin;
        String folder = context.getProperty("felix.fileinstall.dir");
        this.deploy = folder == null ? null : Path.of(folder).toAbsolutePath().normalize();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        if (deploy == null) {
            return;
        }
        try {
            if (event.getType() == ConfigurationEvent.CM_UPDATED) {
                updated(event.getPid());
            } else if (event.getType() == ConfigurationEvent.CM_DELETED) {
                Path file = deployFile(deploy, event.getPid());
                if (file != null && Files.deleteIfExists(file)) {
                    LOG.info("Configuration {} deleted: {} deleted", event.getPid(), file);
                }
            }
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            LOG.warn("Configuration {}: cannot write it back to deploy/: {}", event.getPid(), e.toString());
        }
    }

    private void updated(String pid) throws IOException, InvalidSyntaxException {
        Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + escape(pid) + ")");
        if (found == null || found.length != 1 || found[0].getProperties() == null) {
            return;
        }
        Dictionary<String, Object> properties = found[0].getProperties();
        Path file = deployFile(deploy, pid);
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        Hashtable<String, Object> wanted = new Hashtable<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            if (!key.equals(Constants.SERVICE_PID) && !key.equals(ConfigurationAdmin.SERVICE_FACTORYPID)
                    && !key.equals(FILENAME)) {
                wanted.put(key, properties.get(key));
            }
        }
        if (holds(Files.readAllBytes(file), wanted)) {
            return;
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        ConfigurationHandler.write(text, wanted);
        AtomicFiles.replace(file, text.toByteArray());
        LOG.info("Configuration {} saved to {}", pid, file);
    }

    /**
     * The file File Install makes {@code pid} from: {@code PID.cfg}, or {@code FACTORYPID-NAME.cfg} for
     * {@code FACTORYPID~NAME}; null for a PID no such file can give (File Install splits the name at its first '-').
     */
    static Path deployFile(Path deploy, String pid) {
        int tilde = pid.indexOf('~');
        String factoryPid = tilde < 0 ? pid : pid.substring(0, tilde);
        if (deploy == null || factoryPid.isEmpty() || factoryPid.contains("-") || pid.startsWith(".")
                || pid.contains("/") || pid.contains("\\")) {
            return null;
        }
        String name = tilde < 0 ? pid + ".cfg" : factoryPid + "-" + pid.substring(tilde + 1) + ".cfg";
        Path file = deploy.resolve(name).normalize();
        return deploy.equals(file.getParent()) ? file : null;
    }

    /** Whether the file, read as File Install reads it (typed, else all strings), holds exactly {@code wanted}. */
    static boolean holds(byte[] file, Map<String, Object> wanted) {
        Map<String, Object> read = new HashMap<>();
        try {
            Dictionary<?, ?> typed = ConfigurationHandler.read(new ByteArrayInputStream(file));
            for (Enumeration<?> keys = typed.keys(); keys.hasMoreElements();) {
                Object key = keys.nextElement();
                read.put(key.toString(), typed.get(key));
            }
        } catch (IOException | RuntimeException untyped) {
            Properties plain = new Properties();
            try {
                plain.load(new StringReader(new String(file, StandardCharsets.ISO_8859_1)));
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
            plain.stringPropertyNames().forEach(key -> read.put(key, plain.getProperty(key)));
        }
        read.remove(Constants.SERVICE_PID);
        read.remove(ConfigurationAdmin.SERVICE_FACTORYPID);
        read.remove(FILENAME);
        if (!read.keySet().equals(wanted.keySet())) {
            return false;
        }
        return wanted.entrySet().stream().allMatch(e -> Objects.deepEquals(e.getValue(), read.get(e.getKey())));
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("*", "\\*").replace("(", "\\(").replace(")", "\\)");
    }
}
