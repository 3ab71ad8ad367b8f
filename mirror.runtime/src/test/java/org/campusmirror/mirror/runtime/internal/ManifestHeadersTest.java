package org.campusmirror.mirror.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.jar.Attributes;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Good and bad manifest headers through the framework's own parser, loaded here from the Felix jar on the test
 * class path as the running mirror loads it through the system bundle. Each bad header is refused with the header
 * named and the framework's reason.
 */
class ManifestHeadersTest {
    static final FrameworkManifestCheck FRAMEWORK;

    static {
        try {
            FRAMEWORK = FrameworkManifestCheck.of(Class::forName);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Import-Package|a;version=\"[1,2)\"",
            "Import-Package|a;version=1.2,b;resolution:=optional",
            "Import-Package|a.b.c;version=\"[1.0,2.0)\";resolution:=optional,d",
            "Export-Package|org.example.api;version=1.0.0;uses:=\"org.example.spi\"",
            "Bundle-Version|1.2.3.beta-1",
            "Require-Bundle|org.example.other;bundle-version=\"[1,2)\";visibility:=reexport",
            "Require-Capability|osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"",
            "Provide-Capability|org.example.widget;kind=clock;version:Version=1.0",
            "Fragment-Host|org.example.host;bundle-version=\"[1,2)\"",
            "DynamicImport-Package|*",
            "Bundle-ActivationPolicy|lazy",
            // Accepted by the framework, so not ours to refuse: an empty range resolves to nothing, and Core R7
            // allows importing java.* packages.
            "Import-Package|a;version=\"[2,1)\"",
            "Import-Package|java.util"})
    void wellFormedHeadersPass(String header, String value) {
        assertEquals(Optional.empty(), FRAMEWORK.problem(manifest(header, value)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "Import-Package|a;version=\"[1\"|invalid range \"[1\": invalid format",
            "Import-Package|a,a|Duplicate import: a",
            "Import-Package|a;version=1.0;specification-version=2.0|Both version and specification-version are"
                    + " specified, but they are not equal.",
            "Export-Package|java.lang|Exporting java.* packages not allowed: java.lang",
            "Export-Package|a;version=1.x|invalid version \"1.x\": non-numeric \"x\"",
            "Bundle-Version|1.x|invalid version \"1.x\": non-numeric \"x\"",
            "Bundle-ManifestVersion|3|Unknown 'Bundle-ManifestVersion' value: 3",
            "Require-Capability|osgi.ee;filter:=\"(osgi.ee=JavaSE\"|Error creating requirement:"
                    + " java.lang.IllegalArgumentException: Missing closing parenthesis: (osgi.ee=JavaSE",
            "Provide-Capability|x;a:Long=nope|For input string: \"nope\"",
            "Fragment-Host|x;bundle-version=\"[1\"|invalid range \"[1\": invalid format",
            "Require-Bundle|x;bundle-version=\"(1,2\"|invalid range \"(1,2\": invalid format"})
    void malformedHeadersAreRefusedWithTheHeaderAndTheFrameworksReason(String header, String value, String reason) {
        assertEquals(Optional.of(header + ": " + reason), FRAMEWORK.problem(manifest(header, value)));
    }

    private static Attributes manifest(String header, String value) {
        Attributes main = new Attributes();
        main.putValue("Manifest-Version", "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example.upload");
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue(header, value);
        return main;
    }
}
