package org.campusmirror.ws.server;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.campusmirror.ws.autobahn.AutobahnCase;
import org.campusmirror.ws.autobahn.AutobahnTests;
import org.campusmirror.ws.autobahn.CaseCatalogue;
import org.campusmirror.ws.autobahn.CaseResult;
import org.campusmirror.ws.autobahn.FuzzingServer;
import org.campusmirror.ws.autobahn.PeerOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The Autobahn|Testsuite cases over real TCP on loopback, each a test named by its id and required strictly
 * OK: the ws.autobahn fuzzing client against this server's {@code /echo}, and the fuzzing server against
 * this module's client echoing what it receives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AutobahnTcpTest {
    private static final List<AutobahnCase> CASES = CaseCatalogue.matching("1.*", "2.*", "3.*", "4.*", "5.*", "6.*",
            "7.*", "9.*", "10.*");

    private WebSocketServer server;
    private WebSocketClient client;

    @BeforeAll
    void start() throws Exception {
        server = Loopback.server().endpoint("/echo", new EchoEndpoint()).build().start();
        client = WebSocketClient.builder().build();
    }

    @AfterAll
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> fuzzingClientAgainstOurServer() {
        return AutobahnTests.againstServer("127.0.0.1", server.port(), "/echo", CASES, PeerOptions.defaults());
    }

    @TestFactory
    Stream<DynamicTest> fuzzingServerAgainstOurClient() {
        return CASES.stream().map(testCase -> DynamicTest.dynamicTest(testCase.displayName(), () -> {
            try (FuzzingServer fuzzer = FuzzingServer.start(PeerOptions.defaults())) {
                CompletableFuture<WebSocket> connecting = client.connect(
                        URI.create("ws://127.0.0.1:" + fuzzer.port() + "/runCase"), ClientOptions.DEFAULTS,
                        new EchoEndpoint());
                CaseResult result = fuzzer.runCase(testCase);
                connecting.handle((socket, error) -> socket != null ? socket : null);
                AutobahnTests.check(result);
            }
        }));
    }
}
