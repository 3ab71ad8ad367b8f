package org.campusmirror.mirror.runtime.internal;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.Attributes;

/**
 * Parses a manifest's OSGi headers with the framework's own parser (Felix's {@code ManifestParser}, which
 * {@code installBundle} runs), so an upload is refused for exactly what the install would fail on: version ranges,
 * clauses, filters, directives, duplicate imports, {@code java.*} exports, an unknown {@code Bundle-ManifestVersion}.
 * The parser is not exported to bundles; it is reached through the system bundle's class loader (the framework's
 * own, {@code Bundle.loadClass} on the system bundle) and called by reflection, with the constructor the framework
 * calls at install. The reason names the header at fault when one header alone fails.
 */
final class FrameworkManifestCheck {
    static final String PARSER = "org.apache.felix.framework.util.manifestparser.ManifestParser";
    static final String LOGGER = "org.apache.felix.framework.Logger";
    static final String REVISION = "org.osgi.framework.wiring.BundleRevision";

    /** Loads a class by name from the framework, e.g. the system bundle's {@code loadClass}. */
    interface FrameworkClasses {
        Class<?> load(String name) throws ClassNotFoundException;
    }

    private final Constructor<?> parser;
    private final Object logger;

    private FrameworkManifestCheck(Constructor<?> parser, Object logger) {
        this.parser = parser;
        this.logger = logger;
    }

    /** Finds the parser; fails when the framework is not the Felix this was written against. */
    static FrameworkManifestCheck of(FrameworkClasses framework) throws ReflectiveOperationException {
        Class<?> loggerType = framework.load(LOGGER);
        Constructor<?> parser = framework.load(PARSER)
                .getConstructor(loggerType, Map.class, framework.load(REVISION), Map.class);
        return new FrameworkManifestCheck(parser, loggerType.getConstructor().newInstance());
    }

    /** Empty when the framework accepts the headers; otherwise the reason, prefixed by the header at fault. */
    Optional<String> problem(Attributes main) {
        Map<String, Object> headers = headers(main);
        Optional<String> whole = parse(headers);
        if (whole.isEmpty()) {
            return whole;
        }
        // Name the culprit: each header on its own, on top of a minimal valid identity.
        for (Map.Entry<String, Object> header : headers.entrySet()) {
            Map<String, Object> alone = headers(new Attributes());
            alone.put("Bundle-ManifestVersion", "2");
            alone.put("Bundle-SymbolicName", "org.campusmirror.upload.check");
            alone.put(header.getKey(), header.getValue());
            if (parse(alone).isPresent()) {
                return Optional.of(header.getKey() + ": " + whole.get());
            }
        }
        return whole;
    }

    private Optional<String> parse(Map<String, Object> headers) {
        try {
            parser.newInstance(logger, new LinkedHashMap<String, Object>(), null, headers);
            return Optional.empty();
        } catch (InvocationTargetException refused) {
            Throwable cause = refused.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            return Optional.of(String.valueOf(cause.getMessage()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call the framework's manifest parser", e);
        }
    }

    /** Header names as the framework looks them up: case-insensitively. */
    private static Map<String, Object> headers(Attributes main) {
        Map<String, Object> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        main.forEach((name, value) -> headers.put(name.toString(), value.toString()));
        return headers;
    }
}
