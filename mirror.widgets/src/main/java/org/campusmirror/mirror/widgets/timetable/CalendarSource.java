package org.campusmirror.mirror.widgets.timetable;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import org.campusmirror.mirror.widget.WidgetConfigurationException;
import org.campusmirror.mirror.widgets.common.SettingChecks;

/**
 * Where one iCal feed comes from: an {@code http}/{@code https} URL, or a file in the mirror's calendar folder
 * ({@code <mirror.home>/calendars}).
 *
 * <p>Files are confined to that folder because the configuration is saved by whoever holds the console, and the
 * home folder next to it holds the admin password, the framework storage and the configurations: a timetable must
 * not become a way to read them onto the display (parse errors quote the text). A relative path is taken inside
 * the folder; an absolute one must point into it; {@code ..} and symbolic links that lead out are refused, as are
 * other URL schemes ({@code file:}, {@code jar:}, {@code ftp:}).
 */
sealed interface CalendarSource {

    /** The folder under the mirror's home that timetable files must live in. */
    String FOLDER = "calendars";

    /** A short name for messages: the URL, or the path inside the folder. */
    String label();

    record Url(URI uri) implements CalendarSource {
        @Override
        public String label() {
            return uri.toString();
        }
    }

    record File(Path folder, Path path, String label, long maxBytes) implements CalendarSource {
        /**
         * Opens the file, refusing one that leads out of the folder (checked again now: a link may have appeared
         * since the configuration was saved) or is larger than the limit (checked before and while reading).
         */
        InputStream open() throws IOException {
            Path real;
            try {
                real = path.toRealPath();
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException("calendar file " + label + " does not exist in " + folder);
            }
            if (!real.startsWith(folder.toRealPath())) {
                throw new IOException("calendar file " + label + " leads out of " + folder + "; not read");
            }
            long size = Files.size(real);
            if (size > maxBytes) {
                throw new IOException("calendar file " + label + " has " + size + " bytes, more than the limit of "
                        + maxBytes);
            }
            return new BoundedInputStream(Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS), maxBytes, label);
        }
    }

    /**
     * Reads one configured source.
     *
     * @param setting  the setting's name, for the message
     * @param value    what the admin typed
     * @param home     the mirror's home folder, or null when unknown (files are then refused)
     * @param maxBytes the size limit for files
     */
    static CalendarSource parse(String setting, String value, Path home, long maxBytes)
            throws WidgetConfigurationException {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new WidgetConfigurationException(setting + ": an entry is empty; give an http(s) URL or a file in "
                    + FOLDER + "/");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("webcal://")) {
            return url(setting, lower.startsWith("webcal://") ? "https://" + text.substring("webcal://".length())
                    : text);
        }
        if (lower.matches("^[a-z][a-z0-9+.-]*:.*") && !lower.matches("^[a-z]:[\\\\/].*")) {
            throw new WidgetConfigurationException(setting + ": '" + text + "' uses a scheme the timetable does not "
                    + "read; give an http(s) URL or a file in " + FOLDER + "/");
        }
        return file(setting, text, home, maxBytes);
    }

    private static CalendarSource url(String setting, String text) throws WidgetConfigurationException {
        return new Url(SettingChecks.url(setting, text));
    }

    private static CalendarSource file(String setting, String text, Path home, long maxBytes)
            throws WidgetConfigurationException {
        if (home == null) {
            throw new WidgetConfigurationException(setting + ": '" + text + "': files need the mirror's home folder "
                    + "(mirror.home), which is not set");
        }
        Path folder = home.resolve(FOLDER).toAbsolutePath().normalize();
        Path path;
        try {
            path = folder.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw new WidgetConfigurationException(setting + ": '" + text + "' is not a valid path");
        }
        if (!path.startsWith(folder) || path.equals(folder)) {
            throw new WidgetConfigurationException(setting + ": '" + text + "' is outside the calendar folder "
                    + folder + "; put the file there and name it relative to it");
        }
        try {
            if (Files.exists(path) && !path.toRealPath().startsWith(folder.toRealPath())) {
                throw new WidgetConfigurationException(setting + ": '" + text + "' leads out of the calendar "
                        + "folder " + folder);
            }
        } catch (IOException e) {
            throw new WidgetConfigurationException(setting + ": '" + text + "' cannot be read: " + e.getMessage());
        }
        return new File(folder, path, folder.relativize(path).toString(), maxBytes);
    }
}
