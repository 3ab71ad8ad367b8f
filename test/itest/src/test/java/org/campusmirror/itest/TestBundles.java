package org.campusmirror.itest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** Bundles made on the spot: a manifest and one text entry, with whatever headers a test needs. */
final class TestBundles {
    /** The symbolic name of the example widget (examples/sample.widget). */
    static final String SAMPLE_BSN = "org.campusmirror.sample.widget";

    private TestBundles() {
    }

    static Path bundle(Path file, String symbolicName, Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        headers.forEach(main::putValue);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new ZipEntry("README.txt"));
            jar.write(("test bundle " + symbolicName + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return file;
    }

    static Path sampleWidget() {
        Path jar = Path.of(System.getProperty("sample.bundle", "../../examples/sample.widget/target/sample.widget.jar"))
                .toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no sample widget bundle at " + jar + ": build sample.widget first");
        }
        return jar;
    }

    /**
     * The widget probe ({@code org.campusmirror.itest.probe}, compiled with the tests) as a bundle: its classes
     * from the test class folder, a manifest importing the widget API and the framework.
     */
    static Path widgetProbe(Path file) throws IOException {
        Path classes;
        try {
            classes = Path.of(org.campusmirror.itest.probe.WidgetProbe.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        Path folder = classes.resolve("org/campusmirror/itest/probe");
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.campusmirror.itest.probe");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Bundle-Activator", org.campusmirror.itest.probe.WidgetProbe.class.getName());
        main.putValue("Import-Package", "org.campusmirror.mirror.widget;version=\"[1.0,2)\",org.osgi.framework");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest);
                var entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                jar.putNextEntry(new ZipEntry("org/campusmirror/itest/probe/" + entry.getFileName()));
                jar.write(Files.readAllBytes(entry));
                jar.closeEntry();
            }
        }
        return file;
    }
}
