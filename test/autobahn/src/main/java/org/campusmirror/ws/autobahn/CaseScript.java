package org.campusmirror.ws.autobahn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The script of one case for one run, after the suite's {@code Case} class: {@link #onOpen} sends,
 * the {@code on...} hooks record, {@link #onConnectionLost} grades. A fresh instance per run.
 */
abstract class CaseScript {
    static final String OK = "OK";
    static final String NON_STRICT = "NON-STRICT";
    static final String FAILED = "FAILED";
    static final String INFORMATIONAL = "INFORMATIONAL";
    static final String UNIMPLEMENTED = "UNIMPLEMENTED";
    static final String WRONG_CODE = "WRONG CODE";
    static final String UNCLEAN = "UNCLEAN";
    static final String FAILED_BY_CLIENT = "FAILED BY CLIENT";

    /** The protocol the script drives; set before {@link #onOpen}. */
    PeerProtocol p;
    final List<ReceivedEvent> received = new ArrayList<>();
    /** Expected event lists by behaviour, checked in insertion order. */
    final Map<String, List<ReceivedEvent>> expected = new LinkedHashMap<>();
    ExpectedClose expectedClose = ExpectedClose.normalByMe();
    String behavior = FAILED;
    String behaviorClose = FAILED;
    String result = "Actual events differ from any expected.";
    String resultClose = "TCP connection was dropped without close handshake";
    boolean suppressClose;

    /**
     * The suite's {@code expectedClose}.
     *
     * @param closedByMe the peer must start the closing handshake
     * @param codes close codes the endpoint may send
     * @param requireClean the close must be clean
     * @param closedByWrongEndpointIsFatal a close by the wrong side fails the behaviour too
     */
    record ExpectedClose(boolean closedByMe, List<Integer> codes, boolean requireClean,
            boolean closedByWrongEndpointIsFatal) {

        static ExpectedClose normalByMe() {
            return new ExpectedClose(true, List.of(1000), true, false);
        }

        static ExpectedClose failedByEndpoint(int code) {
            return new ExpectedClose(false, List.of(code), false, false);
        }
    }

    /** How the case negotiates permessage-deflate; null: it offers and accepts nothing. */
    DeflateNegotiation.Setup deflateSetup() {
        return null;
    }

    abstract void onOpen();

    // ---- helpers for the case tables -----------------------------------------------------

    void expectOk(ReceivedEvent... events) {
        expected.put(OK, List.of(events));
    }

    void expectNonStrict(ReceivedEvent... events) {
        expected.put(NON_STRICT, List.of(events));
    }

    /** The endpoint must fail the connection with one of {@code codes}; clean or not. */
    void expectFailedByEndpoint(int code) {
        expectedClose = ExpectedClose.failedByEndpoint(code);
    }

    /** The peer closes first; the endpoint answers with one of {@code codes}. */
    void expectCloseByMe(boolean requireClean, Integer... codes) {
        expectedClose = new ExpectedClose(true, List.of(codes), requireClean, false);
    }

    static byte[] repeat(String pattern, int length) {
        byte[] unit = pattern.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = unit[i % unit.length];
        }
        return bytes;
    }

    static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    void onMessage(ReceivedEvent message) {
        received.add(message);
        finishWhenDone();
    }

    void onPong(ReceivedEvent pong) {
        received.add(pong);
        finishWhenDone();
    }

    /** The suite's {@code Case.onConnectionLost}: grades behaviour and close behaviour. */
    void onConnectionLost() {
        for (Map.Entry<String, List<ReceivedEvent>> entry : expected.entrySet()) {
            if (sameEvents(received, entry.getValue())) {
                behavior = entry.getKey();
                result = "Actual events match at least one expected.";
                break;
            }
        }
        if (expectedClose.closedByMe() != p.closedByMe) {
            behaviorClose = FAILED;
            resultClose = "The connection was failed by the wrong endpoint";
        } else if (expectedClose.requireClean() && !p.wasClean) {
            behaviorClose = UNCLEAN;
            resultClose = "The spec requires the connection to be failed cleanly here";
        } else if (p.remoteCloseCode != null && !expectedClose.codes().contains(p.remoteCloseCode)) {
            behaviorClose = WRONG_CODE;
            resultClose = "The close code should have been " + joined(expectedClose.codes()) + " or empty";
        } else if (!p.isServer() && p.droppedByMe) {
            behaviorClose = FAILED_BY_CLIENT;
            resultClose = "It is preferred that the server close the TCP connection";
        } else {
            behaviorClose = OK;
            resultClose = "Connection was properly closed";
        }
        if (expectedClose.closedByWrongEndpointIsFatal() && expectedClose.closedByMe() != p.closedByMe) {
            behavior = FAILED;
        }
    }

    /** The suite's {@code finishWhenDone}: close once the events match every expected list. */
    void finishWhenDone() {
        for (List<ReceivedEvent> events : expected.values()) {
            if (!sameEvents(received, events)) {
                return;
            }
        }
        if (expectedClose.closedByMe() && !suppressClose) {
            p.sendClose(expectedClose.codes().get(0));
        }
    }

    static boolean sameEvents(List<ReceivedEvent> actual, List<ReceivedEvent> wanted) {
        if (actual.size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!actual.get(i).sameAs(wanted.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String joined(List<Integer> codes) {
        return String.join(",", codes.stream().map(String::valueOf).toList());
    }

    String renderExpected() {
        if (expected.isEmpty()) {
            return "(checked by the case's own logic)";
        }
        StringBuilder text = new StringBuilder("{");
        expected.forEach((key, events) -> text.append(text.length() > 1 ? ", " : "").append(key).append("=")
                .append(events));
        return text.append("} close ").append(expectedClose).toString();
    }
}
