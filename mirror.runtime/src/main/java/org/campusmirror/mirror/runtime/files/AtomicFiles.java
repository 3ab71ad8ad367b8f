package org.campusmirror.mirror.runtime.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file whole: the content goes to {@code .NAME.tmp} beside it, is forced to the disk, and is renamed
 * over the file in one step, then the folder is forced too. A reader, or a start after a kill or a power cut, sees
 * the old content or the new, never half of it. A cut-off write leaves only the hidden temporary file, which the
 * next write of the same file replaces. Writers of one file must not run at once (its callers hold a lock).
 */
public final class AtomicFiles {
    /** The temporary file's suffix, for folders that clean up after a cut-off write. */
    public static final String TEMP_SUFFIX = ".tmp";
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    private AtomicFiles() {
    }

    /** Replaces {@code file} with {@code content}, creating its folder if missing. */
    public static void replace(Path file, byte[] content) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = folder.resolve("." + file.getFileName() + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the next write of this file replaces it
            }
            throw e instanceof AtomicMoveNotSupportedException
                    ? new IOException("the file system cannot rename atomically: " + e.getMessage(), e) : e;
        }
        forceFolder(folder);
    }

    private static void forceFolder(Path folder) {
        // The rename is durable only once the folder entry is on the disk too. Not every file system lets a
        // folder be opened for that; there the rename is still atomic, only perhaps not yet durable.
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Cannot force folder {}: {}", folder, e.toString());
        }
    }
}
