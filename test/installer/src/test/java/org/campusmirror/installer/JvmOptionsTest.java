package org.campusmirror.installer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** bin/jvm.options is the one place of the JVM options: bin/mirror and the release (hence the unit) use it. */
class JvmOptionsTest {
    /** The file's rule, written out once more: '#' at the start or after a blank begins a comment; blanks trim. */
    static List<String> parse(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(line -> line.replaceAll("(^|\\s)#.*", "").strip())
                .filter(line -> !line.isEmpty()).toList();
    }

    @Test
    void binMirrorPrintsTheOptionsOfTheFile() throws Exception {
        Path root = Release.repositoryRoot();
        List<String> options = parse(root.resolve("bin/jvm.options"));
        assertTrue(options.contains("-Xmx64m") && options.contains("-XX:TieredStopAtLevel=1"), options.toString());
        Shell.Result printed = Shell.run(List.of(root.resolve("bin/mirror").toString(), "--print-java-opts"),
                Map.of("MIRROR_JAVA_OPTS_EXTRA", ""), Duration.ofSeconds(30)).requireSuccess();
        assertEquals(String.join(" ", options), printed.out().strip());
    }

    @Test
    void eachOptionIsOneWordStartingWithADash() throws Exception {
        for (String option : parse(Release.repositoryRoot().resolve("bin/jvm.options"))) {
            assertTrue(option.matches("-\\S+"), option);
        }
    }

    @Test
    void theReleaseCarriesTheSameFile() throws Exception {
        Release release = Release.extract();
        assertArrayEquals(Files.readAllBytes(Release.repositoryRoot().resolve("bin/jvm.options")),
                Files.readAllBytes(release.file("jvm.options")));
    }
}
