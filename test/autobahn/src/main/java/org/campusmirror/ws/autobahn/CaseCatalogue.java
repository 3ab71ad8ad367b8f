package org.campusmirror.ws.autobahn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * All 517 cases of the Autobahn|Testsuite, built by the group files from the suite's sources;
 * descriptions and expectations come from the suite's case list ({@code cases.tsv}).
 */
public final class CaseCatalogue {
    private static final List<AutobahnCase> ALL = build();

    private CaseCatalogue() {
    }

    /** Every case, in id order. */
    public static List<AutobahnCase> all() {
        return ALL;
    }

    /** The case with this id. */
    public static AutobahnCase byId(String id) {
        for (AutobahnCase testCase : ALL) {
            if (testCase.id().equals(id)) {
                return testCase;
            }
        }
        throw new IllegalArgumentException("no Autobahn case " + id);
    }

    /** The cases matching any of the patterns, in id order; {@code *} matches anything ("6.4.*"). */
    public static List<AutobahnCase> matching(String... patterns) {
        List<Pattern> compiled = new ArrayList<>();
        for (String pattern : patterns) {
            compiled.add(Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q")));
        }
        return ALL.stream().filter(c -> compiled.stream().anyMatch(p -> p.matcher(c.id()).matches())).toList();
    }

    private static List<AutobahnCase> build() {
        Builder builder = new Builder(readTexts());
        FramingCases.addTo(builder);
        Utf8Cases.addTo(builder);
        CloseCases.addTo(builder);
        LimitCases.addTo(builder);
        DeflateCases.addTo(builder);
        List<AutobahnCase> cases = new ArrayList<>(builder.cases.values());
        Collections.sort(cases);
        return List.copyOf(cases);
    }

    private static Map<String, String[]> readTexts() {
        Map<String, String[]> texts = new HashMap<>();
        try (InputStream in = CaseCatalogue.class.getResourceAsStream("cases.tsv")) {
            if (in == null) {
                throw new IllegalStateException("cases.tsv missing from the ws.autobahn jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split("\t", -1);
                if (fields.length >= 3) {
                    texts.put(fields[0], new String[] {fields[1], fields[2]});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** Collects the cases of the group files; refuses duplicates and ids without texts. */
    static final class Builder {
        private final Map<String, String[]> texts;
        private final Map<String, AutobahnCase> cases = new LinkedHashMap<>();

        Builder(Map<String, String[]> texts) {
            this.texts = texts;
        }

        void add(String id, Consumer<Scripted> onOpen) {
            add(id, () -> new Scripted(onOpen));
        }

        void add(String id, Supplier<CaseScript> script) {
            String[] text = texts.get(id);
            if (text == null) {
                throw new IllegalStateException("case " + id + " is not in the suite's case list");
            }
            if (cases.put(id, new AutobahnCase(id, text[0], text[1], script)) != null) {
                throw new IllegalStateException("case " + id + " defined twice");
            }
        }
    }
}
