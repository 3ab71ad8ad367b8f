package org.campusmirror.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only the mirror's user may read (mode 600): secrets and their hashes. Each is created with that mode from
 * the start, so it is never readable by others, not even for a moment.
 */
final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /** Creates {@code file} with {@code text}; fails when it exists already (someone else created it meanwhile). */
    static void createNew(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        createOwnerOnly(file);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Replaces {@code file} in one step: a reader sees the old content or the new one, never a half-written file. */
    static void replace(Path file, String text) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path staged = folder.resolve("." + file.getFileName() + ".new");
        Files.deleteIfExists(staged);
        createNew(staged, text);
        try {
            Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(staged);
        }
    }

    /** Sets mode 600 on a file that may have been created with a looser one (by hand, or by another tool). */
    static void restrictToOwner(Path file) throws IOException {
        try {
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException notPosix) {
            // nothing to tighten on such a file system
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            throw new IOException(file + " was created by someone else meanwhile", raced);
        }
    }
}
