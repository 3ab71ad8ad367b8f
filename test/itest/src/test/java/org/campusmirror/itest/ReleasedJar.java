package org.campusmirror.itest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A stand-in for the next release of mirror.jar: a copy whose manifest gives one embedded bundle a new digest.
 * The bnd launcher updates an embedded bundle when its digest differs from the one it stored at install, so
 * starting this copy on an existing home runs the launcher's update path for that bundle.
 */
final class ReleasedJar {
    static final String DIGEST = "SHA-256-Digest";

    private ReleasedJar() {
    }

    static Path withNewDigest(Path source, Path target, String embeddedPath, String digest) throws IOException {
        try (InputStream in = Files.newInputStream(source);
                ZipInputStream zipIn = new ZipInputStream(in);
                OutputStream out = Files.newOutputStream(target);
                ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (ZipEntry entry = zipIn.getNextEntry(); entry != null; entry = zipIn.getNextEntry()) {
                zipOut.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                    Manifest manifest = new Manifest(zipIn);
                    Attributes attributes = manifest.getAttributes(embeddedPath);
                    if (attributes == null || attributes.getValue(DIGEST) == null) {
                        throw new IllegalStateException("no " + DIGEST + " for " + embeddedPath + " in " + source);
                    }
                    attributes.putValue(DIGEST, digest);
                    manifest.write(zipOut);
                } else {
                    zipIn.transferTo(zipOut);
                }
                zipOut.closeEntry();
            }
        }
        return target;
    }
}
