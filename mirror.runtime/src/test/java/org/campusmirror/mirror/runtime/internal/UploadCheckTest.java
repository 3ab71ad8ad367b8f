package org.campusmirror.mirror.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/** The checks behind {@link UploadGuard}: multipart reading, bundle file checks, the size limit. */
class UploadCheckTest {
    private static final String BOUNDARY = "----mirror-test-7MA4YWxkTrZu0gW";

    @Test
    void multipartPartsAreSplitWithNamesFileNamesAndExactBytes() {
        byte[] file = {0, 1, 2, '\r', '\n', '-', '-', 3};
        byte[] body = multipart(List.of(field("action", "install"), file("bundlefile", "x.jar", file)));
        List<MultipartBody.Part> parts = MultipartBody.parse(body, BOUNDARY);
        assertEquals(2, parts.size());
        assertEquals("action", parts.get(0).name());
        assertNull(parts.get(0).fileName());
        assertEquals("install", new String(parts.get(0).content(), StandardCharsets.UTF_8));
        assertEquals("x.jar", parts.get(1).fileName());
        assertArrayEquals(file, parts.get(1).content());
    }

    @Test
    void boundaryIsTakenFromTheContentTypeQuotedOrNot() {
        assertEquals(Optional.of("abc"), MultipartBody.boundary("multipart/form-data; boundary=abc"));
        assertEquals(Optional.of("a b"), MultipartBody.boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\""));
        assertEquals(Optional.empty(), MultipartBody.boundary("application/x-www-form-urlencoded"));
        assertEquals(Optional.empty(), MultipartBody.boundary(null));
    }

    @Test
    void truncatedMultipartIsMalformed() {
        byte[] body = multipart(List.of(file("bundlefile", "x.jar", new byte[] {1, 2, 3})));
        byte[] cut = Arrays.copyOf(body, body.length - 20);
        assertThrows(IllegalArgumentException.class, () -> MultipartBody.parse(cut, BOUNDARY));
        assertTrue(UploadGuard.problemWith(cut, BOUNDARY).orElseThrow().contains("malformed multipart"));
    }

    @Test
    void realBundlePasses() throws IOException {
        assertEquals(Optional.empty(), BundleFileCheck.problem(jar("org.example.ok")));
        byte[] body = multipart(List.of(field("action", "install"), file("bundlefile", "ok.jar", jar("org.example.ok"))));
        assertEquals(Optional.empty(), UploadGuard.problemWith(body, BOUNDARY));
    }

    @Test
    void randomBytesAreRefusedWithTheFileName() {
        byte[] noise = new byte[3000];
        new java.util.Random(7).nextBytes(noise);
        byte[] body = multipart(List.of(field("action", "install"), file("bundlefile", "corrupt.jar", noise)));
        String problem = UploadGuard.problemWith(body, BOUNDARY).orElseThrow();
        assertTrue(problem.startsWith("Bundle upload refused: 'corrupt.jar' is not an installable bundle"), problem);
    }

    @Test
    void truncatedJarIsRefused() throws IOException {
        byte[] jar = jar("org.example.cut");
        assertTrue(BundleFileCheck.problem(Arrays.copyOf(jar, jar.length / 2)).isPresent());
    }

    @Test
    void jarWithoutBundleSymbolicNameIsRefused() throws IOException {
        assertEquals(Optional.of("the manifest has no Bundle-SymbolicName: not an OSGi bundle"),
                BundleFileCheck.problem(jar(null)));
        assertEquals(Optional.of("the file is empty"), BundleFileCheck.problem(new byte[0]));
    }

    @Test
    void emptyFileFieldAndOtherFieldsAreLeftToTheConsole() {
        byte[] body = multipart(List.of(field("action", "refreshPackages"), file("bundlefile", "", new byte[0])));
        assertEquals(Optional.empty(), UploadGuard.problemWith(body, BOUNDARY));
    }

    @Test
    void bodyOverTheLimitIsNotRead() throws IOException {
        assertEquals(Optional.empty(), UploadGuard.readAtMost(new ByteArrayInputStream(new byte[101]), 100));
        assertEquals(100, UploadGuard.readAtMost(new ByteArrayInputStream(new byte[100]), 100).orElseThrow().length);
    }

    private static byte[] jar(String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new ZipEntry("data/readme.txt"));
            jar.write("some content that compresses, some content that compresses".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] field(String name, String value) {
        return ("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] file(String name, String fileName, byte[] content) {
        byte[] head = ("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] part = Arrays.copyOf(head, head.length + content.length);
        System.arraycopy(content, 0, part, head.length, content.length);
        return part;
    }

    private static byte[] multipart(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(part);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
