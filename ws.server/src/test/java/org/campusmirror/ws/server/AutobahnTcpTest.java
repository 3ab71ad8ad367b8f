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
import org.campusmirror.ws.deflate.PerMessageDeflate;
import org.campusmirror.ws.deflate.PerMessageDeflateOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * All 517 Autobahn|Testsuite cases over real TCP on loopback, each a test named by its id and required
 * strictly OK: the ws.autobahn fuzzing client against this server's {@code /echo} (permessage-deflate on),
 * and the fuzzing server against this module's client (offering permessage-deflate) echoing what it receives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AutobahnTcpTest {
    private static final List<AutobahnCase> CASES = CaseCatalogue.all();
    private static final ClientOptions DEFLATE_CLIENT = ClientOptions.builder()
            .extensions(List.of(PerMessageDeflate.create())).build();

    private WebSocketServer server;
    private WebSocketClient client;

    @BeforeAll
    void start() throws Exception {
        server = Loopback.server().endpoint("/echo", new EchoEndpoint(),
                EndpointOptions.builder().deflate(PerMessageDeflateOptions.DEFAULTS).build()).build().start();
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
                client.connect(
                        URI.create("ws://127.0.0.1:" + fuzzer.port() + "/runCase"), DEFLATE_CLIENT,
                        new EchoEndpoint());
                CaseResult result = fuzzer.runCase(testCase);
                AutobahnTests.check(result);
            }
        }));
    }
}
