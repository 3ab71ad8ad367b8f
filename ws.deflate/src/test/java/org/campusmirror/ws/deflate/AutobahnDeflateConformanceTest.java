package org.campusmirror.ws.deflate;

import java.util.List;
import java.util.stream.Stream;

import org.campusmirror.ws.autobahn.AutobahnCase;
import org.campusmirror.ws.autobahn.AutobahnTests;
import org.campusmirror.ws.autobahn.CaseCatalogue;
import org.campusmirror.ws.autobahn.FuzzerMode;
import org.campusmirror.ws.autobahn.PeerOptions;
import org.campusmirror.ws.protocol.MessageDelivery;
import org.campusmirror.ws.protocol.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Every Autobahn|Testsuite permessage-deflate case (groups 12 and 13, 216 cases), played by the ws.autobahn
 * fuzzing peer in memory against the engine with {@link PerMessageDeflate} (default options) and an echo
 * application, in both roles. Each case is one test named by its id and must be graded strictly OK. One
 * factory per role serves every case, as one endpoint configuration serves every connection.
 */
class AutobahnDeflateConformanceTest {
    private static final List<AutobahnCase> CASES = CaseCatalogue.matching("12.*", "13.*");
    private static final PerMessageDeflate SERVER_DEFLATE = PerMessageDeflate.create();
    private static final PerMessageDeflate CLIENT_DEFLATE = PerMessageDeflate.create();

    @AfterAll
    static void closeFactories() {
        SERVER_DEFLATE.close();
        CLIENT_DEFLATE.close();
    }

    @TestFactory
    @Timeout(1200)
    Stream<DynamicTest> asServer() {
        return AutobahnTests.inMemory(FuzzerMode.FUZZING_CLIENT,
                c -> new DeflateEchoEndpoint(Role.SERVER, SERVER_DEFLATE, MessageDelivery.WHOLE_MESSAGES),
                CASES, PeerOptions.defaults());
    }

    @TestFactory
    @Timeout(1200)
    Stream<DynamicTest> asClient() {
        return AutobahnTests.inMemory(FuzzerMode.FUZZING_SERVER,
                c -> new DeflateEchoEndpoint(Role.CLIENT, CLIENT_DEFLATE, MessageDelivery.WHOLE_MESSAGES),
                CASES, PeerOptions.defaults());
    }
}
