package org.campusmirror.ws.autobahn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/** The peer graded against hand-made endpoints: a correct one, and ones with one fault each. */
@Timeout(120)
class PeerSelfTest {

    private static CaseResult run(String id, ScriptedServer.Faults faults) {
        return FuzzingPeer.runInMemory(CaseCatalogue.byId(id), FuzzerMode.FUZZING_CLIENT,
                testCase -> new ScriptedServer(faults), PeerOptions.defaults());
    }

    /** The correct scripted endpoint passes the framing, UTF-8 and close groups and a few limits. */
    @TestFactory
    Stream<DynamicTest> correctEndpointPasses() {
        List<AutobahnCase> cases = CaseCatalogue.matching("1.*", "2.*", "3.*", "4.*", "5.*", "6.*", "7.*",
                "9.1.1", "9.2.1", "9.3.1", "9.5.1", "9.7.2", "10.1.1");
        return AutobahnTests.inMemory(FuzzerMode.FUZZING_CLIENT,
                testCase -> new ScriptedServer(ScriptedServer.Faults.correct()), cases, PeerOptions.defaults());
    }

    @Test
    void acceptingInvalidUtf8Fails() {
        CaseResult result = run("6.3.1", ScriptedServer.Faults.correct().withSkipUtf8Check());
        assertEquals(Verdict.FAILED, result.verdict(), result.explain());
        assertTrue(result.received().contains("message"), result.explain());
        assertNotNull(result.close().endpointViolation(), result.explain());
    }

    @Test
    void failingOnlyAtMessageEndIsNonStrict() {
        CaseResult result = run("6.4.1", ScriptedServer.Faults.correct().withUtf8CheckAtMessageEnd());
        assertEquals(Verdict.NON_STRICT, result.verdict(), result.explain());
        assertEquals(CaseScript.NON_STRICT, result.behavior());
    }

    @Test
    void failingFastIsOk() {
        assertEquals(Verdict.OK, run("6.4.2", ScriptedServer.Faults.correct()).verdict());
    }

    @Test
    void wrongCloseCodeIsNonStrictWhereTheSuiteSaysSo() {
        CaseResult result = run("2.5", ScriptedServer.Faults.correct().withProtocolErrorCode(1000));
        assertEquals(CaseScript.WRONG_CODE, result.closeBehavior(), result.explain());
        assertEquals(Verdict.NON_STRICT, result.verdict());
    }

    @Test
    void wrongCloseCodeFailsInCloseCases() {
        CaseResult result = run("7.9.1", ScriptedServer.Faults.correct().withProtocolErrorCode(1000));
        assertEquals(Verdict.FAILED, result.verdict(), result.explain());
        assertEquals(Integer.valueOf(1000), result.close().remoteCloseCode());
    }

    @Test
    void serverKeepingTcpOpenIsUnclean() {
        CaseResult result = run("1.1.1", ScriptedServer.Faults.correct().withKeepTcpOpen());
        assertEquals(CaseScript.UNCLEAN, result.closeBehavior(), result.explain());
        assertEquals(Verdict.FAILED, result.verdict());
        // the server drop timeout and the case's kill timer both end it at 1 s, as in the suite
        assertTrue(!result.close().wasClean() && result.close().droppedByMe(), result.explain());
    }

    @Test
    void unansweredPingFails() {
        CaseResult result = run("2.2", ScriptedServer.Faults.correct().withIgnorePings());
        assertEquals(Verdict.FAILED, result.verdict(), result.explain());
    }

    @Test
    void maskedServerFramesAreAViolation() {
        CaseResult result = run("1.1.2", ScriptedServer.Faults.correct().withMaskOwnFrames());
        assertEquals(Verdict.FAILED, result.verdict(), result.explain());
        assertTrue(result.close().endpointViolation().contains("masked server"), result.explain());
    }

    @Test
    void withoutDeflateCompressionCasesAreUnimplemented() {
        CaseResult result = run("12.1.1", ScriptedServer.Faults.correct());
        assertEquals(Verdict.UNIMPLEMENTED, result.verdict(), result.explain());
    }

    @Test
    void informationalCasesAreInformational() {
        CaseResult result = run("7.13.1", ScriptedServer.Faults.correct());
        assertEquals(Verdict.INFORMATIONAL, result.verdict(), result.explain());
        assertTrue(AutobahnTests.passes(result));
    }

    @Test
    void silentEndpointFailsTheHandshake() {
        CaseResult result = FuzzingPeer.runInMemory(CaseCatalogue.byId("1.1.1"), FuzzerMode.FUZZING_CLIENT,
                testCase -> new EndpointUnderTest() {
                    public void receive(java.nio.ByteBuffer fromPeer) {
                    }

                    public java.nio.ByteBuffer drainOutput() {
                        return java.nio.ByteBuffer.allocate(0);
                    }

                    public boolean closedTransport() {
                        return false;
                    }

                    public void peerClosedTransport() {
                    }

                    public void advanceTime(Duration elapsed) {
                    }
                }, PeerOptions.defaults());
        assertEquals(Verdict.FAILED, result.verdict());
        assertTrue(result.result().contains("handshake"), result.explain());
    }
}
