package org.campusmirror.ws.deflate.internal;

import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.compressMessage;
import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.repeated;
import static org.campusmirror.ws.deflate.internal.WindowedDeflaterTesting.zipDeflate;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.campusmirror.ws.deflate.internal.WindowedDeflaterConfig.ContextTakeover;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cross-check with another implementation: Python's zlib, inflating with a window of exactly
 * 2^windowBits ({@code zlib.decompressobj(-windowBits)}), as a peer that negotiated that window would.
 * Skipped, with the reason, where no python3 is installed; CI has one.
 */
@Timeout(120)
class WindowedDeflaterPythonZlibTest {
    /**
     * zlib checks distances against the window plus the output of the current call only, so the script
     * feeds small pieces and takes small outputs: then a reference beyond the window fails with
     * "invalid distance too far back" (the last test shows that it does).
     */
    private static final String INFLATE_SCRIPT = String.join("\n",
            "import sys, zlib",
            "bits = int(sys.argv[1])",
            "data = open(sys.argv[2], 'rb').read()",
            "d = zlib.decompressobj(-bits)",
            "out = []",
            "for i in range(0, len(data), 64):",
            "    pending = data[i:i + 64]",
            "    while pending:",
            "        out.append(d.decompress(pending, 16))",
            "        pending = d.unconsumed_tail",
            "if d.unused_data: sys.exit('input left over')",
            "open(sys.argv[3], 'wb').write(b''.join(out))",
            "");

    private static boolean pythonPresent;

    @TempDir
    Path directory;

    @BeforeAll
    static void findPython() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import zlib").redirectErrorStream(true).start();
            pythonPresent = probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
            if (!pythonPresent) {
                probe.destroyForcibly();
            }
        } catch (IOException notInstalled) {
            pythonPresent = false;
        }
    }

    @ParameterizedTest(name = "windowBits {0}")
    @ValueSource(ints = {8, 9, 10, 11, 12, 13, 14, 15})
    void pythonZlibWithTheNegotiatedWindowInflatesOurStream(int windowBits) throws Exception {
        assumeTrue(pythonPresent, "python3 with zlib is not installed: cross-check skipped");
        WindowedDeflater deflater = new WindowedDeflater(WindowedDeflaterConfig.of(windowBits, ContextTakeover.KEEP));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        // Several messages in one stream, as with context takeover: the inflater keeps its window.
        for (int i = 0; i < 12; i++) {
            byte[] message = i % 2 == 0 ? Payloads.json(9_000 + 500 * i, i) : Payloads.text(7_000, i);
            expected.writeBytes(message);
            stream.writeBytes(compressMessage(deflater, message));
        }

        PythonResult result = inflateWithPython(windowBits, stream.toByteArray());

        assertEquals(0, result.exitCode(), "python3 zlib failed: " + result.diagnostics());
        assertArrayEquals(expected.toByteArray(), result.output());
    }

    /** The cross-check can fail: a 32 KiB-window stream with a reference 1025 bytes back is refused. */
    @ParameterizedTest(name = "windowBits {0}")
    @ValueSource(ints = {8, 9})
    void pythonZlibWithASmallWindowRefusesAFartherReference(int windowBits) throws Exception {
        assumeTrue(pythonPresent, "python3 with zlib is not installed: cross-check skipped");
        byte[] stream = zipDeflate(repeated(Payloads.random(1025, 4), 2));

        PythonResult result = inflateWithPython(windowBits, stream);

        assertNotEquals(0, result.exitCode());
        assertTrue(result.diagnostics().contains("too far back"), result.diagnostics());
    }

    private record PythonResult(int exitCode, String diagnostics, byte[] output) {
    }

    private PythonResult inflateWithPython(int windowBits, byte[] stream) throws IOException, InterruptedException {
        Path input = Files.write(directory.resolve("stream.deflate"), stream);
        Path output = directory.resolve("restored.bin");
        Files.deleteIfExists(output);
        Path script = Files.writeString(directory.resolve("inflate.py"), INFLATE_SCRIPT);
        Process python = new ProcessBuilder("python3", script.toString(), Integer.toString(windowBits),
                input.toString(), output.toString()).redirectErrorStream(true).start();
        String diagnostics;
        try (InputStream messages = python.getInputStream()) {
            diagnostics = new String(messages.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!python.waitFor(60, TimeUnit.SECONDS)) {
            python.destroyForcibly();
            throw new IllegalStateException("python3 did not finish within 60 s");
        }
        byte[] restored = Files.exists(output) ? Files.readAllBytes(output) : new byte[0];
        return new PythonResult(python.exitValue(), diagnostics, restored);
    }
}
