package org.campusmirror.mirror.runtime.internal.widgets;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.campusmirror.mirror.runtime.files.AtomicFiles;
import org.campusmirror.mirror.runtime.internal.json.JsonTree;
import org.campusmirror.mirror.runtime.internal.json.UnsupportedDataException;
import org.campusmirror.mirror.runtime.internal.json.ViewModelJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The offline cache: each widget's last good view model in {@code <id>.json} under the cache folder, so that after
 * a restart without network the tiles show their last data, marked with its age.
 *
 * <ul>
 * <li>A write goes to a temporary file, is forced to the disk, and renamed over the old file in one step (then the
 * folder is forced too): a kill or a power cut leaves the old file or the new one, never half of one. A temporary
 * file left by such a cut is deleted at the next start.</li>
 * <li>A file that is not one of ours, or is corrupt, or belongs to another widget kind is ignored with a log
 * line.</li>
 * <li>The SD card is spared: a widget's file is rewritten when its data changed, at most every
 * {@value #MIN_REWRITE_SECONDS} s (the latest data waits for the next refresh, or for {@link #close}), or when only
 * its time stamp moved on by {@value #REFRESH_AGE_MINUTES} min.</li>
 * <li>The folder stays under {@code maxBytes}: the least recently written files go first.</li>
 * <li>After {@link #forget}, nothing is written for that widget until it is {@linkplain #track tracked} again.</li>
 * </ul>
 * Thread-safe.
 */
public final class WidgetCache {
    static final String FORMAT = "campus-mirror-widget-cache";
    static final int FORMAT_VERSION = 1;
    static final String SUFFIX = ".json";
    static final String TEMP_SUFFIX = AtomicFiles.TEMP_SUFFIX;
    static final long MIN_REWRITE_SECONDS = 30;
    static final long REFRESH_AGE_MINUTES = 15;
    private static final Logger LOG = LoggerFactory.getLogger(WidgetCache.class);
    private static final JsonFactory FACTORY = new JsonFactory();

    /** A cached view model as read back. */
    public record Entry(String id, String kind, Instant asOf, Instant savedAt, Object data, String dataJson) {
    }

    private record Written(String dataJson, Instant asOf, Instant at) {
    }

    private record Pending(long generation, String kind, String dataJson, Instant asOf) {
    }

    private final Path folder;
    private final long maxBytes;
    private final Clock clock;
    private final Map<String, Long> generations = new HashMap<>();
    private final Map<String, Written> written = new HashMap<>();
    private final Map<String, Pending> pending = new HashMap<>();

    public WidgetCache(Path folder, long maxBytes, Clock clock) {
        this.folder = folder;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** Creates the folder, deletes unfinished writes of an earlier run, and trims it to the size bound. */
    public synchronized void open() throws IOException {
        Files.createDirectories(folder);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(TEMP_SUFFIX)) {
                    Files.deleteIfExists(file);
                    LOG.info("Widget cache: removed {}, a write that was cut off (the previous data stays)", name);
                } else if (!name.endsWith(SUFFIX)) {
                    LOG.info("Widget cache: ignoring {}, which is not a cache file", file);
                }
            }
        }
        trim(null);
    }

    /** Starts accepting data for {@code id}; {@code generation} tells this tracking from earlier ones. */
    public synchronized void track(String id, long generation) {
        generations.put(id, generation);
    }

    /** Stops accepting data for {@code id} (the file stays, for the next start). Waits for a write in progress. */
    public synchronized void forget(String id) {
        generations.remove(id);
        pending.remove(id);
    }

    /** The cached view model of widget {@code id} of {@code kind}, if there is a good one. */
    public synchronized Optional<Entry> load(String id, String kind) {
        Path file = fileOf(id);
        String text;
        try {
            if (Files.size(file) > maxBytes) {
                LOG.warn("Widget cache: {} is larger than the whole cache may be; ignored", file);
                return Optional.empty();
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Widget cache: cannot read {} ({}); ignored", file, e.toString());
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parse(file, text, id, kind));
        } catch (IOException | DateTimeException | UnsupportedDataException e) {
            LOG.warn("Widget cache: {} is corrupt ({}); ignored", file, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The latest good data of a tracked widget. Written now when the rules above allow, else kept for later.
     * Returns whether it was written.
     */
    public synchronized boolean offer(String id, long generation, String kind, String dataJson, Instant asOf) {
        Long current = generations.get(id);
        if (current == null || current != generation) {
            return false;
        }
        Instant now = clock.instant();
        Written last = written.get(id);
        boolean due = last == null
                || !last.dataJson.equals(dataJson)
                        && !now.isBefore(last.at.plusSeconds(MIN_REWRITE_SECONDS))
                || Duration.between(last.asOf, asOf).toMinutes() >= REFRESH_AGE_MINUTES;
        if (!due) {
            if (last.dataJson.equals(dataJson)) {
                pending.remove(id);
            } else {
                pending.put(id, new Pending(generation, kind, dataJson, asOf));
            }
            return false;
        }
        pending.remove(id);
        return write(id, kind, dataJson, asOf, now);
    }

    /** Writes what is still pending (orderly shutdown). */
    public synchronized void close() {
        Instant now = clock.instant();
        for (Map.Entry<String, Pending> entry : List.copyOf(pending.entrySet())) {
            Pending data = entry.getValue();
            if (Long.valueOf(data.generation).equals(generations.get(entry.getKey()))) {
                write(entry.getKey(), data.kind, data.dataJson, data.asOf, now);
            }
        }
        pending.clear();
        generations.clear();
    }

    Path fileOf(String id) {
        if (!WidgetIds.isSafe(id)) {
            throw new IllegalArgumentException("not a widget id: " + id);
        }
        return folder.resolve(id + SUFFIX);
    }

    private boolean write(String id, String kind, String dataJson, Instant asOf, Instant now) {
        Path file = fileOf(id);
        byte[] bytes = encode(id, kind, dataJson, asOf, now).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            LOG.warn("Widget cache: the data of {} ({} bytes) is larger than the cache may be; not cached", id,
                    bytes.length);
            return false;
        }
        try {
            AtomicFiles.replace(file, bytes);
        } catch (IOException e) {
            LOG.warn("Widget cache: cannot write {} ({}); the previous data stays", file, e.toString());
            return false;
        }
        written.put(id, new Written(dataJson, asOf, now));
        trim(file);
        return true;
    }

    /** Deletes the least recently written cache files until the folder fits; {@code keep} is never deleted. */
    private void trim(Path keep) {
        List<Path> files = new ArrayList<>();
        long total = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : stream) {
                files.add(file);
                total += Files.size(file);
            }
        } catch (IOException e) {
            LOG.warn("Widget cache: cannot list {} ({})", folder, e.toString());
            return;
        }
        if (total <= maxBytes) {
            return;
        }
        files.sort(Comparator.comparing(WidgetCache::lastModified));
        for (Path file : files) {
            if (total <= maxBytes) {
                break;
            }
            if (file.equals(keep)) {
                continue;
            }
            try {
                long size = Files.size(file);
                Files.delete(file);
                total -= size;
                LOG.info("Widget cache: removed {} to stay under {} bytes", file.getFileName(), maxBytes);
            } catch (IOException e) {
                LOG.warn("Widget cache: cannot remove {} ({})", file, e.toString());
            }
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static String encode(String id, String kind, String dataJson, Instant asOf, Instant savedAt) {
        StringWriter text = new StringWriter(dataJson.length() + 200);
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("format", FORMAT);
            out.writeNumberField("version", FORMAT_VERSION);
            out.writeStringField("id", id);
            out.writeStringField("kind", kind);
            out.writeStringField("asOf", asOf.toString());
            out.writeStringField("savedAt", savedAt.toString());
            out.writeFieldName("data");
            out.writeRawValue(dataJson);
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string failed", e);
        }
        return text.toString();
    }

    private static Entry parse(Path file, String text, String id, String kind)
            throws IOException, UnsupportedDataException {
        if (!(JsonTree.parse(text) instanceof Map<?, ?> root) || !FORMAT.equals(root.get("format"))) {
            LOG.warn("Widget cache: {} is not a cache file of ours; ignored", file);
            return null;
        }
        Object version = root.get("version");
        if (!(version instanceof Long number) || number != FORMAT_VERSION) {
            LOG.info("Widget cache: {} has format version {}, not {}; ignored", file, version, FORMAT_VERSION);
            return null;
        }
        if (!id.equals(root.get("id")) || !kind.equals(root.get("kind"))) {
            LOG.info("Widget cache: {} holds {} of kind {}, not {} of kind {}; ignored", file, root.get("id"),
                    root.get("kind"), id, kind);
            return null;
        }
        if (!root.containsKey("data")) {
            throw new IOException("no data");
        }
        Object data = root.get("data");
        return new Entry(id, kind, instant(root, "asOf"), instant(root, "savedAt"), data, ViewModelJson.encode(data));
    }

    private static Instant instant(Map<?, ?> root, String field) throws IOException {
        if (root.get(field) instanceof String text) {
            return Instant.parse(text);
        }
        throw new IOException("no " + field);
    }
}
