package org.campusmirror.ws.deflate;

import java.util.List;
import java.util.stream.Stream;

import org.campusmirror.ws.autobahn.AutobahnCase;
import org.campusmirror.ws.autobahn.AutobahnTests;
import org.campusmirror.ws.autobahn.CaseCatalogue;
import org.campusmirror.ws.autobahn.FuzzerMode;
import org.campusmirror.ws.autobahn.PeerOptions;
import org.campusmirror.ws.protocol.EchoEndpoint;
import org.campusmirror.ws.protocol.MessageDelivery;
import org.campusmirror.ws.protocol.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every Autobahn|Testsuite permessage-deflate case (groups 12 and 13, 216 cases), played by the ws.autobahn
 * fuzzing peer in memory against the engine with {@link PerMessageDeflate} and an echo application, in both
 * roles. Each case is one test named by its id and must be graded strictly OK. One factory per role serves
 * every case, as one endpoint configuration serves every connection.
 *
 * <p>Both sides compress at zlib level 1 (the product default is zlib's 6): what the cases check does not
 * depend on the ratio, and the two roles run at once. Together that cut the run from about 23 to a few
 * minutes on a 2-core machine. Every case keeps every message.
 */
@Execution(ExecutionMode.CONCURRENT)
class AutobahnDeflateConformanceTest {
    private static final List<AutobahnCase> CASES = CaseCatalogue.matching("12.*", "13.*");
    private static final PerMessageDeflateOptions FAST = PerMessageDeflateOptions.builder().compressionLevel(1).build();
    private static final PerMessageDeflate SERVER_DEFLATE = PerMessageDeflate.create(FAST);
    private static final PerMessageDeflate CLIENT_DEFLATE = PerMessageDeflate.create(FAST);

    @AfterAll
    static void closeFactories() {
        SERVER_DEFLATE.close();
        CLIENT_DEFLATE.close();
    }

    @TestFactory
    @Timeout(900)
    Stream<DynamicTest> asServer() {
        return AutobahnTests.inMemory(FuzzerMode.FUZZING_CLIENT,
                c -> EchoEndpoint.withExtensions(Role.SERVER, List.of(SERVER_DEFLATE), MessageDelivery.WHOLE_MESSAGES),
                CASES, PeerOptions.defaults());
    }

    @TestFactory
    @Timeout(900)
    Stream<DynamicTest> asClient() {
        return AutobahnTests.inMemory(FuzzerMode.FUZZING_SERVER,
                c -> EchoEndpoint.withExtensions(Role.CLIENT, List.of(CLIENT_DEFLATE), MessageDelivery.WHOLE_MESSAGES),
                CASES, PeerOptions.defaults());
    }
}
