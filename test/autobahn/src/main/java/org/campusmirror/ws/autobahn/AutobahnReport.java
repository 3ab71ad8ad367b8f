package org.campusmirror.ws.autobahn;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A plain-text report of many results: counts per verdict and one line per case not OK. */
public final class AutobahnReport {
    private AutobahnReport() {
    }

    /** Counts per verdict. */
    public static Map<Verdict, Integer> counts(List<CaseResult> results) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (CaseResult result : results) {
            counts.merge(result.verdict(), 1, Integer::sum);
        }
        return counts;
    }

    /** The summary line and a line per case that is not OK: id, verdict, both behaviours, reasons. */
    public static String summary(List<CaseResult> results) {
        StringBuilder text = new StringBuilder();
        text.append(results.size()).append(" cases: ").append(counts(results)).append('\n');
        for (CaseResult result : results) {
            if (result.verdict() != Verdict.OK) {
                text.append(result.caseId()).append('\t').append(result.verdict()).append('\t')
                        .append(result.behavior()).append(": ").append(result.result()).append('\t')
                        .append(result.closeBehavior()).append(": ").append(result.closeResult()).append('\n');
            }
        }
        return text.toString();
    }
}
