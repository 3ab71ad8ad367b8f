package org.campusmirror.installer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Debian's shellcheck finds nothing in the installer, the kiosk, the stand-ins and the repository's scripts. */
class ShellcheckTest {
    @Test
    void findsNothing() throws Exception {
        Path root = Release.repositoryRoot();
        List<String> command = new ArrayList<>(List.of("shellcheck", "--external-sources", "--format=gcc"));
        List<Path> scripts = scripts(root);
        scripts.forEach(script -> command.add(script.toString()));
        assertFalse(scripts.size() < 10, "too few scripts found: " + scripts);
        Shell.Result result = Shell.run(command);
        assertEquals("", result.out() + result.err(), "shellcheck on " + scripts);
        assertEquals(0, result.exit());
    }

    @Test
    void wouldReportAMistake() throws Exception {
        Path script = Release.workFolder("shellcheck").resolve("quoted.sh");
        Files.writeString(script, "#!/usr/bin/env bash\nrm -rf $1/lib\n");
        Shell.Result result = Shell.run(List.of("shellcheck", "--format=gcc", script.toString()));
        assertEquals(1, result.exit(), result.describe());
    }

    /** Every bash script the installer ships or its tests use, and the repository's bin/. */
    private static List<Path> scripts(Path root) throws IOException {
        List<Path> scripts = new ArrayList<>();
        for (String folder : List.of("installer", "installer/lib", "test/installer", "test/installer/standins", "bin")) {
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                files.filter(Files::isRegularFile).filter(ShellcheckTest::isShell).sorted().forEach(scripts::add);
            }
        }
        return scripts;
    }

    private static boolean isShell(Path file) {
        try {
            String start = new String(Files.readAllBytes(file), 0, (int) Math.min(64, Files.size(file)),
                    StandardCharsets.UTF_8);
            return start.startsWith("#!/usr/bin/env bash") || start.startsWith("#!/bin/bash")
                    || start.startsWith("# shellcheck shell=bash");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
