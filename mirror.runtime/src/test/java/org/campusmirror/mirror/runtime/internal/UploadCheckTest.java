package org.campusmirror.mirror.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/** The checks behind {@link UploadGuard}: is an uploaded file an installable bundle. */
class UploadCheckTest {
    private final BundleFileCheck check = new BundleFileCheck(ManifestHeadersTest.FRAMEWORK::problem);
    private final UploadGuard guard = new UploadGuard(ManifestHeadersTest.FRAMEWORK::problem);
    @Test
    void realBundlePasses() throws IOException {
        assertEquals(Optional.empty(), check.problem(jar("org.example.ok")));
        assertEquals(Optional.empty(),
                guard.problemWithFile("ok.jar", new ByteArrayInputStream(jar("org.example.ok"))));
    }

    @Test
    void randomBytesAreRefusedWithTheFileName() {
        byte[] noise = new byte[3000];
        new java.util.Random(7).nextBytes(noise);
        String problem = guard.problemWithFile("corrupt.jar", new ByteArrayInputStream(noise)).orElseThrow();
        assertTrue(problem.startsWith("Bundle upload refused: 'corrupt.jar' is not an installable bundle"), problem);
    }

    @Test
    void truncatedJarIsRefused() throws IOException {
        byte[] jar = jar("org.example.cut");
        assertTrue(check.problem(Arrays.copyOf(jar, jar.length / 2)).isPresent());
    }

    @Test
    void jarWithoutBundleSymbolicNameIsRefused() throws IOException {
        assertEquals(Optional.of("the manifest has no Bundle-SymbolicName: not an OSGi bundle"),
                check.problem(jar(null)));
        assertEquals(Optional.of("not a JAR file (empty, or no ZIP entries found)"),
                check.problem(new byte[0]));
    }

    @Test
    void malformedHeaderIsRefusedWithTheFrameworksReason() throws IOException {
        String problem = guard.problemWithFile("bad-range.jar",
                new ByteArrayInputStream(jar("org.example.bad", "Import-Package", "a;version=\"[1\""))).orElseThrow();
        assertEquals("Bundle upload refused: 'bad-range.jar' is not an installable bundle: the framework would refuse"
                + " its manifest: Import-Package: invalid range \"[1\": invalid format", problem);
    }

    @Test
    void onlyMultipartPostsAreLookedAt() {
        assertTrue(UploadGuard.isMultipart("multipart/form-data; boundary=x"));
        assertTrue(UploadGuard.isMultipart("Multipart/Form-Data; boundary=x"));
        assertFalse(UploadGuard.isMultipart("application/x-www-form-urlencoded"));
        assertFalse(UploadGuard.isMultipart(null));
    }

    private static byte[] jar(String symbolicName, String... headers) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        }
        for (int i = 0; i < headers.length; i += 2) {
            manifest.getMainAttributes().putValue(headers[i], headers[i + 1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new ZipEntry("data/readme.txt"));
            jar.write("some content that compresses, some content that compresses".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return out.toByteArray();
    }
}
