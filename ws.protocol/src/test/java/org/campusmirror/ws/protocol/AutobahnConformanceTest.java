package org.campusmirror.ws.protocol;

import java.util.List;
import java.util.stream.Stream;

import org.campusmirror.ws.autobahn.AutobahnCase;
import org.campusmirror.ws.autobahn.AutobahnTests;
import org.campusmirror.ws.autobahn.CaseCatalogue;
import org.campusmirror.ws.autobahn.FuzzerMode;
import org.campusmirror.ws.autobahn.PeerOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Every Autobahn|Testsuite case of groups 1-7, 9 and 10 (framing, ping/pong, reserved bits, opcodes,
 * fragmentation, UTF-8, close, limits, auto-fragmentation), played by the ws.autobahn fuzzing peer in memory
 * against this engine with an echo application, in both roles. Each case is one test named by its id and
 * must be graded strictly OK (7.1.6, 7.13.x: INFORMATIONAL without violations, as the suite grades them).
 * Both delivery modes run: whole messages (the default) and streamed chunks.
 */
class AutobahnConformanceTest {
    private static final List<AutobahnCase> CASES =
            CaseCatalogue.matching(EchoEndpoint.conformanceGroups().toArray(String[]::new));

    @TestFactory
    @Timeout(600)
    Stream<DynamicTest> asServer() {
        return AutobahnTests.inMemory(FuzzerMode.FUZZING_CLIENT, c -> EchoEndpoint.server(MessageDelivery.WHOLE_MESSAGES),
                CASES, PeerOptions.defaults());
    }

    @TestFactory
    @Timeout(600)
    Stream<DynamicTest> asClient() {
        return AutobahnTests.inMemory(FuzzerMode.FUZZING_SERVER, c -> EchoEndpoint.client(MessageDelivery.WHOLE_MESSAGES),
                CASES, PeerOptions.defaults());
    }

    /** The same cases with {@link MessageDelivery#STREAMED}: the echo forwards each chunk as a fragment. */
    @TestFactory
    @Timeout(600)
    Stream<DynamicTest> asServerStreamingMessages() {
        return AutobahnTests.inMemory(FuzzerMode.FUZZING_CLIENT, c -> EchoEndpoint.server(MessageDelivery.STREAMED),
                CASES, PeerOptions.defaults());
    }

    @TestFactory
    @Timeout(600)
    Stream<DynamicTest> asClientStreamingMessages() {
        return AutobahnTests.inMemory(FuzzerMode.FUZZING_SERVER, c -> EchoEndpoint.client(MessageDelivery.STREAMED),
                CASES, PeerOptions.defaults());
    }
}
