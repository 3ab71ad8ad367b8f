package org.campusmirror.ws.autobahn;

import java.util.List;

/**
 * The outcome of one case: the folded {@link Verdict} plus everything Autobahn's detail report
 * shows, so that a failure can be understood without rerunning it.
 *
 * @param caseId the case id, e.g. {@code "6.4.1"}
 * @param description the case description
 * @param mode the role the fuzzing peer played
 * @param verdict the folded grade (see the README)
 * @param behavior Autobahn's {@code behavior}: OK, NON-STRICT, FAILED, INFORMATIONAL, UNIMPLEMENTED
 * @param result Autobahn's {@code result}: why the behaviour was graded so
 * @param closeBehavior Autobahn's {@code behaviorClose}: OK, FAILED, WRONG CODE, UNCLEAN,
 *        FAILED BY CLIENT, INFORMATIONAL
 * @param closeResult Autobahn's {@code resultClose}
 * @param expected the expected event lists per behaviour, rendered
 * @param received the events the peer observed, rendered
 * @param close the closing facts the close behaviour was graded on
 * @param durationMillis case duration in milliseconds (virtual time in memory, real time over TCP)
 * @param wireLog the first and last bytes of both directions, hex, for failed cases
 */
public record CaseResult(String caseId, String description, FuzzerMode mode, Verdict verdict,
        String behavior, String result, String closeBehavior, String closeResult,
        String expected, String received, CloseFacts close, long durationMillis, List<String> wireLog) {

    /**
     * The closing handshake as the fuzzing peer saw it (RFC 6455 section 7).
     *
     * @param closedByMe the peer sent the first close frame
     * @param failedByMe the peer failed the connection (protocol error or kill timer)
     * @param droppedByMe the peer closed TCP
     * @param wasClean close frames went both ways and the server closed TCP
     * @param wasNotCleanReason why not clean, or null
     * @param localCloseCode the code the peer sent, or null
     * @param remoteCloseCode the code the endpoint sent, or null
     * @param remoteCloseReason the reason the endpoint sent, or null
     * @param endpointViolation the first protocol violation by the endpoint the peer saw, or null
     */
    public record CloseFacts(boolean closedByMe, boolean failedByMe, boolean droppedByMe, boolean wasClean,
            String wasNotCleanReason, Integer localCloseCode, Integer remoteCloseCode, String remoteCloseReason,
            String endpointViolation) {
    }

    /** True when the verdict is OK. */
    public boolean ok() {
        return verdict == Verdict.OK;
    }

    /** A multi-line explanation: verdict, both behaviours with their reasons, expected and observed. */
    public String explain() {
        StringBuilder text = new StringBuilder();
        text.append("case ").append(caseId).append(" [").append(mode).append("]: ").append(verdict).append('\n');
        text.append("  behavior ").append(behavior).append(": ").append(result).append('\n');
        text.append("  close    ").append(closeBehavior).append(": ").append(closeResult).append('\n');
        text.append("  expected ").append(expected).append('\n');
        text.append("  observed ").append(received).append('\n');
        text.append("  closing  ").append(close).append('\n');
        for (String line : wireLog) {
            text.append("  wire ").append(line).append('\n');
        }
        return text.toString();
    }
}
