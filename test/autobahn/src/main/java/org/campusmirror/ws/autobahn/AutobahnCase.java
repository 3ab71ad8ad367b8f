package org.campusmirror.ws.autobahn;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One Autobahn|Testsuite case: its id, description and expectation, and (package-private) the
 * script the fuzzing peer plays for it. Instances come from {@link CaseCatalogue}.
 *
 * @see <a href="https://github.com/crossbario/autobahn-testsuite">Autobahn|Testsuite</a>
 */
public final class AutobahnCase implements Comparable<AutobahnCase> {
    private final String id;
    private final int[] idParts;
    private final String description;
    private final String expectation;
    private final Supplier<CaseScript> script;

    AutobahnCase(String id, String description, String expectation, Supplier<CaseScript> script) {
        this.id = Objects.requireNonNull(id, "id");
        this.idParts = Arrays.stream(id.split("\\.")).mapToInt(Integer::parseInt).toArray();
        this.description = Objects.requireNonNull(description, "description");
        this.expectation = Objects.requireNonNull(expectation, "expectation");
        this.script = Objects.requireNonNull(script, "script");
    }

    /** The case id, e.g. {@code "12.3.17"}. */
    public String id() {
        return id;
    }

    /** The top-level group, e.g. {@code 12} for {@code "12.3.17"}. */
    public int group() {
        return idParts[0];
    }

    /** The description, as in the suite's report. */
    public String description() {
        return description;
    }

    /** The expectation, as in the suite's report. */
    public String expectation() {
        return expectation;
    }

    /** {@code "<id> <description>"}, the name a test shows. */
    public String displayName() {
        return id + " " + description;
    }

    /** A fresh script with its own state for one run. */
    CaseScript newScript() {
        return script.get();
    }

    @Override
    public int compareTo(AutobahnCase other) {
        return Arrays.compare(idParts, other.idParts);
    }

    @Override
    public String toString() {
        return displayName();
    }
}
