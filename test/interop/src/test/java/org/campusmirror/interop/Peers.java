package org.campusmirror.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Where the third-party peers are, and what to do when one is missing: fail with what to install (CI installs
 * every peer through {@code .ci/run}), or, only with {@code -Dinterop.allowMissingPeers=true}, skip.
 */
final class Peers {
    static final String ALLOW_MISSING = "interop.allowMissingPeers";
    /** The npm ws version test/interop/node/package.json pins (test/bench/ pins the same). */
    static final String WS_VERSION = "8.23.0";

    private static String pythonVersion;

    private Peers() {
    }

    static Path nodeFolder() {
        return folder("interop.node.dir", "node");
    }

    static Path pythonFolder() {
        return folder("interop.python.dir", "python");
    }

    static Path chromiumFolder() {
        return folder("interop.chromium.dir", "chromium");
    }

    static Path workFolder() throws IOException {
        Path work = Path.of(System.getProperty("interop.work", "target/interop-work")).toAbsolutePath();
        return Files.createDirectories(work);
    }

    private static Path folder(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }

    /** {@code node <script> <argument>} in test/interop/node, after checking that node and npm's ws 8 are there. */
    static List<String> node(String script, String argument) {
        Path wsPackage = nodeFolder().resolve("node_modules/ws/package.json");
        if (!Files.isRegularFile(wsPackage)) {
            missing("the npm ws package is not installed in " + nodeFolder()
                    + ": run `npm ci` there (.ci/run does it for every folder in its npm_folders list)");
        }
        try {
            String manifest = Files.readString(wsPackage, StandardCharsets.UTF_8);
            if (!manifest.contains("\"version\": \"" + WS_VERSION + "\"")) {
                missing("test/interop/node has another ws than " + WS_VERSION + " installed: run `npm ci` in " + nodeFolder());
            }
        } catch (IOException e) {
            missing("cannot read " + wsPackage + ": " + e);
        }
        String node = System.getProperty("interop.node", "node");
        requireRuns(List.of(node, "--version"), "Node.js (`node` on the PATH, or -Dinterop.node=PATH)");
        return List.of(node, nodeFolder().resolve(script).toString(), argument);
    }

    /**
     * The Python that has Debian's {@code python3-websockets}: {@code /usr/bin/python3} by default (a pyenv
     * {@code python3} earlier on the PATH does not see Debian's packages), or {@code -Dinterop.python=PATH}.
     */
    static String python() {
        String python = System.getProperty("interop.python", "/usr/bin/python3");
        synchronized (Peers.class) {
            if (pythonVersion == null) {
                pythonVersion = requireRuns(List.of(python, "-c", "import websockets; print(websockets.__version__)"),
                        "Debian's python3-websockets for " + python + " (`apt-get install python3-websockets`)");
            }
        }
        return python;
    }

    /** Debian's Chromium ({@code /usr/bin/chromium}, or {@code -Dinterop.chromium=PATH}). */
    static String chromium() {
        String chromium = System.getProperty("interop.chromium", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            missing("no Chromium at " + chromium + ": `apt-get install chromium` (Debian's package; .ci/run installs it)");
        }
        return chromium;
    }

    /** Runs a short command and returns its output; a peer that cannot run counts as missing. */
    private static String requireRuns(List<String> command, String what) {
        try {
            Path output = Files.createTempFile(workFolder(), "probe-", ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                missing(what + ": `" + String.join(" ", command) + "` did not finish within 30 s");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0) {
                missing(what + " is needed: `" + String.join(" ", command) + "` failed: " + text);
            }
            return text;
        } catch (IOException e) {
            return missing(what + " is needed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return missing("interrupted while checking " + what);
        }
    }

    /** Fails, or skips the test when the developer opted out with {@value #ALLOW_MISSING}. */
    static <T> T missing(String message) {
        if (Boolean.getBoolean(ALLOW_MISSING)) {
            Assumptions.abort("peer missing (skipped: -D" + ALLOW_MISSING + "=true): " + message);
        }
        return fail("interop peer missing: " + message + " (or -D" + ALLOW_MISSING + "=true to skip on a developer machine)");
    }

    static List<String> concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }
}
