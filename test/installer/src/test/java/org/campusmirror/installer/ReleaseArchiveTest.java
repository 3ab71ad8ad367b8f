package org.campusmirror.installer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** target/campus-mirror-<version>.tar.gz: what it holds, with which modes, under one folder. */
class ReleaseArchiveTest {
    @Test
    void holdsTheJarTheInstallerAndItsFilesWithTheirModes() throws Exception {
        String folder = "campus-mirror-" + Release.version() + "/";
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry(folder + "install.sh", "-rwxr-xr-x"),
                Map.entry(folder + "campus-mirror-kiosk", "-rwxr-xr-x"),
                Map.entry(folder + "mirror.jar", "-rw-r--r--"),
                Map.entry(folder + "jvm.options", "-rw-r--r--"),
                Map.entry(folder + "VERSION", "-rw-r--r--"),
                Map.entry(folder + "INSTALL", "-rw-r--r--"),
                Map.entry(folder + "campus-mirror.default", "-rw-r--r--"),
                Map.entry(folder + "lib/common.sh", "-rw-r--r--"),
                Map.entry(folder + "lib/kiosk.sh", "-rw-r--r--"),
                Map.entry(folder + "templates/campus-mirror.service", "-rw-r--r--"),
                Map.entry(folder + "templates/labwc-autostart", "-rw-r--r--"),
                Map.entry(folder + "templates/wayfire-autostart", "-rw-r--r--"),
                Map.entry(folder + "templates/campus-mirror-kiosk.desktop", "-rw-r--r--")));
        Map<String, String> entries = new TreeMap<>();
        // "-rwxr-xr-x 0/0 12708 2026-12-05 00:17 campus-mirror-0.1.0-SNAPSHOT/install.sh"
        for (String line : Shell.run(List.of("tar", "--numeric-owner", "-tvzf", Release.archive().toString()))
                .requireSuccess().out().lines().toList()) {
            String[] fields = line.split("\\s+", 6);
            if (!fields[0].startsWith("d")) {
                entries.put(fields[5], fields[0]);
            }
        }
        assertEquals(expected, entries);
    }

    @Test
    void carriesTheBuiltJarAndTheVersion() throws Exception {
        Release release = Release.extract();
        assertArrayEquals(Files.readAllBytes(Release.repositoryRoot().resolve("target/mirror.jar")),
                Files.readAllBytes(release.file("mirror.jar")));
        assertEquals(Release.version() + "\n", Files.readString(release.file("VERSION")));
    }
}
