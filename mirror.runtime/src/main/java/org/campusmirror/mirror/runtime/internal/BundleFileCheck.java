package org.campusmirror.mirror.runtime.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Decides whether uploaded bytes can be an OSGi bundle: a readable JAR whose manifest names a
 * {@code Bundle-SymbolicName} and whose headers the framework accepts. Answers with the reason when they cannot.
 */
final class BundleFileCheck {
    private final Function<Attributes, Optional<String>> headers;

    /** @param headers the check of the manifest's main headers, e.g. {@link FrameworkManifestCheck#problem} */
    BundleFileCheck(Function<Attributes, Optional<String>> headers) {
        this.headers = headers;
    }

    /** Empty when the bytes look like a bundle; otherwise a short reason for the operator. */
    Optional<String> problem(byte[] file) {
        return problem(new ByteArrayInputStream(file));
    }

    /** Reads {@code file} to its end, without keeping it in memory; see {@link #problem(byte[])}. */
    Optional<String> problem(InputStream file) {
        Manifest manifest = null;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(file)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries++;
                if (entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                    manifest = new Manifest(zip);
                } else {
                    // Reading every entry through checks each one's data and CRC, not only the headers.
                    zip.transferTo(OutputStream.nullOutputStream());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("not a readable JAR file (" + e.getMessage() + ")");
        }
        if (entries == 0) {
            return Optional.of("not a JAR file (empty, or no ZIP entries found)");
        }
        if (manifest == null) {
            return Optional.of("the JAR has no META-INF/MANIFEST.MF");
        }
        String symbolicName = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (symbolicName == null || symbolicName.isBlank()) {
            return Optional.of("the manifest has no Bundle-SymbolicName: not an OSGi bundle");
        }
        return headers.apply(manifest.getMainAttributes())
                .map(reason -> "the framework would refuse its manifest: " + reason);
    }
}
