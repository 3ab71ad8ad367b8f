package org.campusmirror.ws.autobahn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CaseCatalogueTest {

    private static List<String> suiteIds() throws IOException {
        try (InputStream in = CaseCatalogueTest.class.getResourceAsStream("/cases.tsv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().skip(1).filter(line -> !line.isBlank()).map(line -> line.split("\t")[0]).toList();
        }
    }

    @Test
    void everySuiteIdMapsToExactlyOneCase() throws IOException {
        List<String> ids = suiteIds();
        assertEquals(517, ids.size(), "cases.tsv lists the 517 cases");
        List<String> catalogue = CaseCatalogue.all().stream().map(AutobahnCase::id).toList();
        assertEquals(catalogue.size(), new HashSet<>(catalogue).size(), "no id twice in the catalogue");
        assertEquals(ids.size(), catalogue.size(), "as many cases as the suite lists");
        assertEquals(Set.copyOf(ids), Set.copyOf(catalogue));
    }

    @Test
    void groupsHaveTheSuiteSizes() {
        int[] expected = {0, 16, 11, 7, 10, 20, 145, 37, 0, 54, 1, 0, 90, 126};
        for (int group = 1; group < expected.length; group++) {
            int g = group;
            assertEquals(expected[group], CaseCatalogue.all().stream().filter(c -> c.group() == g).count(),
                    "group " + group);
        }
    }

    @Test
    void namesCarryIdAndDescription() {
        AutobahnCase ping = CaseCatalogue.byId("2.5");
        assertEquals("2.5 Send ping with binary payload of 126 octets.", ping.displayName());
        assertFalse(ping.expectation().isBlank());
    }

    @Test
    void matchingSelectsByPattern() {
        assertEquals(4, CaseCatalogue.matching("6.4.*").size());
        assertEquals(List.of("1.1.1", "2.1"), CaseCatalogue.matching("1.1.1", "2.1").stream()
                .map(AutobahnCase::id).toList());
        assertTrue(CaseCatalogue.matching("99.*").isEmpty());
    }

    @Test
    void generatedUtf8SequencesMatchTheSuiteDescriptions() {
        // the description of each 6.5+ case ends with the payload hex the suite generated
        for (AutobahnCase testCase : CaseCatalogue.matching("6.5.*", "6.6.*", "6.1?.*", "6.2?.*")) {
            String[] parts = testCase.id().split("\\.");
            int group = Integer.parseInt(parts[1]);
            if (group < 5) {
                continue;
            }
            String hex = Utf8Cases.sequenceTable().get(group - 5).get(Integer.parseInt(parts[2]) - 1)[1];
            assertTrue(testCase.description().endsWith("0x" + hex) || testCase.description().contains("0x" + hex),
                    testCase.id() + " " + testCase.description());
        }
    }

    @Test
    void testDataHaveTheSuiteSizes() {
        assertEquals(194056, TestData.JSON.bytes().length);
        assertEquals(263222, TestData.BITMAP.bytes().length);
        assertEquals(222218, TestData.GERMAN_TEXT.bytes().length);
        assertEquals(263647, TestData.HTML.bytes().length);
        assertEquals(1042328, TestData.PDF.bytes().length);
        assertTrue(Utf8Validator.isValid(TestData.JSON.bytes()));
    }
}
