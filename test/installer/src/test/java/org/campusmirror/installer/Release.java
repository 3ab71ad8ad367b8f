package org.campusmirror.installer;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** The release archive the build made, and folders it is extracted into, as an admin extracts it on a Pi. */
final class Release {
    private final Path folder;

    private Release(Path folder) {
        this.folder = folder;
    }

    static Path archive() {
        Path archive = Path.of(System.getProperty("release.archive", "../../target/campus-mirror-"
                + version() + ".tar.gz")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(archive)) {
            fail("no release archive at " + archive + ": run `mvn -B package` at the root first");
        }
        return archive;
    }

    static String version() {
        return System.getProperty("release.version", "0.1.0-SNAPSHOT");
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("repository.root", "../..")).toAbsolutePath().normalize();
    }

    /** A fresh folder for one test's files, under the module's target folder. */
    static Path workFolder(String name) throws IOException {
        Path base = Path.of(System.getProperty("installer.work", "target/installer-work")).toAbsolutePath();
        Files.createDirectories(base);
        return Files.createTempDirectory(base, name + "-");
    }

    /** Extracts the archive with tar into a new folder: {@code campus-mirror-<version>/}. */
    static Release extract() throws IOException, InterruptedException {
        Path into = workFolder("release");
        Shell.run(List.of("tar", "-C", into.toString(), "-xzf", archive().toString())).requireSuccess();
        return new Release(into.resolve("campus-mirror-" + version()));
    }

    /** The release extracted for a test that runs install.sh, which needs root (useradd, chown). */
    static Release extractToInstall() throws IOException, InterruptedException {
        if (!Shell.runningAsRoot()) {
            fail("the installer tests run install.sh as root (useradd, chown into a test tree); run them as root");
        }
        return extract();
    }

    /** A release folder that is already there, e.g. the installed copy under /opt/campus-mirror. */
    static Release at(Path folder) {
        return new Release(folder);
    }

    Path folder() {
        return folder;
    }

    Path installer() {
        return folder.resolve("install.sh");
    }

    Path file(String name) {
        return folder.resolve(name);
    }

    /** A copy of this release that says it is {@code version} and carries {@code jar} as its mirror.jar. */
    Release as(String version, byte[] jar) throws IOException {
        Path copy = workFolder("release-" + version).resolve("campus-mirror-" + version);
        try (Stream<Path> files = Files.walk(folder)) {
            files.forEach(source -> copy(source, copy.resolve(folder.relativize(source))));
        }
        Files.writeString(copy.resolve("VERSION"), version + "\n");
        Files.write(copy.resolve("mirror.jar"), jar);
        return new Release(copy);
    }

    private static void copy(Path source, Path target) {
        try {
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
