package org.campusmirror.ws.protocol;

import java.util.List;
import java.util.stream.Stream;

import org.campusmirror.ws.autobahn.AutobahnCase;
import org.campusmirror.ws.autobahn.AutobahnTests;
import org.campusmirror.ws.autobahn.CaseCatalogue;
import org.campusmirror.ws.autobahn.FuzzerMode;
import org.campusmirror.ws.autobahn.PeerOptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Every Autobahn|Testsuite case of groups 1-7, 9 and 10 (framing, ping/pong, reserved bits, opcodes,
 * fragmentation, UTF-8, close, limits, auto-fragmentation), played by the ws.autobahn fuzzing peer in memory
 * against this engine with an echo application: as server and as client, with whole-message and with
 * streamed delivery. Each case is one test named by its id and must be graded strictly OK (7.1.6, 7.13.x:
 * INFORMATIONAL without violations, as the suite grades them).
 */
class AutobahnConformanceTest {
    private static final List<AutobahnCase> CASES =
            CaseCatalogue.matching(EchoEndpoint.conformanceGroups().toArray(String[]::new));

    @TestFactory
    @Timeout(1200)
    Stream<DynamicContainer> everyCaseInBothRolesAndBothDeliveries() {
        return Stream.of(Role.SERVER, Role.CLIENT).flatMap(role -> Stream.of(MessageDelivery.values())
                .map(delivery -> DynamicContainer.dynamicContainer(role + ", " + delivery, AutobahnTests.inMemory(
                        role == Role.SERVER ? FuzzerMode.FUZZING_CLIENT : FuzzerMode.FUZZING_SERVER,
                        testCase -> role == Role.SERVER ? EchoEndpoint.server(delivery) : EchoEndpoint.client(delivery),
                        CASES, PeerOptions.defaults()))));
    }
}
