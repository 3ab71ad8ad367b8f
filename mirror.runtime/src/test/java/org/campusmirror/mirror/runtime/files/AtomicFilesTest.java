package org.campusmirror.mirror.runtime.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    private static List<String> names(Path folder) throws Exception {
        try (var names = Files.list(folder)) {
            return names.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replaceLeavesTheWholeNewContentAndNoTempFile(@TempDir Path deploy) throws Exception {
        Path file = deploy.resolve("org.example-a.cfg");
        Files.writeString(file, "a=old\n");
        AtomicFiles.replace(file, "a=\"new\"\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("a=\"new\"\n", Files.readString(file));
        assertEquals(List.of("org.example-a.cfg"), names(deploy));
    }

    @Test
    void aTempFileLeftByACutOffWriteIsReplacedAndGone(@TempDir Path home) throws Exception {
        Path file = home.resolve("fleet").resolve("sequences.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file.resolveSibling(".sequences.json" + AtomicFiles.TEMP_SUFFIX), "{\"half");
        AtomicFiles.replace(file, "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals("{}", Files.readString(file));
        assertEquals(List.of("sequences.json"), names(file.getParent()));
    }

    @Test
    void aMissingFolderIsCreated(@TempDir Path home) throws Exception {
        Path file = home.resolve("fleet").resolve("mirror.id");
        AtomicFiles.replace(file, "m-1\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("m-1\n", Files.readString(file));
    }
}
