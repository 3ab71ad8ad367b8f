package org.campusmirror.ws.autobahn;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

/**
 * One run of one case over one connection, whatever the transport: the opening handshake, then the
 * {@link PeerProtocol} driven by the {@link CaseScript}, then the grade. Drivers feed it bytes,
 * the end of the connection and timer ticks, all from one thread.
 */
final class PeerSession {
    private final AutobahnCase testCase;
    private final FuzzerMode mode;
    private final PeerOptions options;
    private final PeerProtocol.Wire wire;
    private final Random random;
    private final Timers timers = new Timers();
    private final CaseScript script;
    private final OpeningHandshake handshake;
    private PeerProtocol protocol;
    private DeflateCodec codec;
    private boolean finished;
    private String abandoned;
    private boolean graded;

    PeerSession(AutobahnCase testCase, FuzzerMode mode, PeerOptions options, PeerProtocol.Wire wire) {
        this.testCase = testCase;
        this.mode = mode;
        this.options = options;
        this.wire = wire;
        this.random = new Random(options.randomSeed() * 31 + testCase.id().hashCode());
        this.script = testCase.newScript();
        this.handshake = new OpeningHandshake(mode == FuzzerMode.FUZZING_SERVER, script.deflateSetup());
    }

    Timers timers() {
        return timers;
    }

    /** As client, sends the Upgrade request; as server, waits for the client's. */
    void start(String host, int port, String path) {
        if (mode == FuzzerMode.FUZZING_CLIENT) {
            wire.write(OutboundWrite.of(handshake.clientRequest(host, port, path, random), 0, false));
        }
    }

    boolean finished() {
        return finished;
    }

    /** Bytes from the endpoint. */
    void onBytes(ByteBuffer bytes) {
        if (finished) {
            return;
        }
        if (protocol == null) {
            if (!handshake.feed(bytes)) {
                return;
            }
            if (handshake.failure() != null) {
                if (handshake.response() != null) {
                    wire.write(OutboundWrite.of(handshake.response(), 0, false));
                }
                wire.drop(handshake.response() == null);
                finished = true;
                return;
            }
            open();
            ByteBuffer rest = handshake.leftover();
            if (rest.hasRemaining()) {
                protocol.onBytes(rest);
            }
        } else {
            protocol.onBytes(bytes);
        }
        checkClosed();
    }

    /** The endpoint closed TCP. */
    void onTransportClosed() {
        if (finished) {
            return;
        }
        if (protocol != null) {
            protocol.onConnectionLost();
        }
        finished = true;
    }

    /** Runs the timers due by {@code nowNanos}. */
    void runTimers(long nowNanos) {
        while (!finished && timers.runOneDue(nowNanos)) {
            checkClosed();
        }
    }

    /** Gives up on a run that cannot go on (no timer left, or the TCP guard), dropping TCP. */
    void abandon(String reason) {
        if (finished) {
            return;
        }
        abandoned = reason;
        if (protocol != null) {
            protocol.failConnection(reason);
            protocol.onConnectionLost();
        } else {
            wire.drop(true);
        }
        finished = true;
    }

    private void open() {
        DeflateNegotiation.Parameters parameters = handshake.deflateParameters();
        if (parameters != null) {
            codec = new DeflateCodec(parameters, mode == FuzzerMode.FUZZING_SERVER, options.compressionLevel());
        }
        if (mode == FuzzerMode.FUZZING_SERVER) {
            wire.write(OutboundWrite.of(handshake.response(), 0, false));
        }
        protocol = new PeerProtocol(mode == FuzzerMode.FUZZING_SERVER, wire, options, random, timers, script, codec);
        script.p = protocol;
        script.onOpen();
    }

    private void checkClosed() {
        if (protocol != null && protocol.state == PeerProtocol.State.CLOSED) {
            protocol.onConnectionLost();
            finished = true;
        }
    }

    /** Grades (once) and builds the result. */
    CaseResult result(long durationMillis, List<String> wireLog) {
        if (codec != null) {
            codec.close();
            codec = null;
        }
        if (protocol == null) {
            String reason = handshake.failure() != null ? "opening handshake failed: " + handshake.failure()
                    : "the WebSocket opening handshake was never completed"
                            + (abandoned == null ? "" : " (" + abandoned + ")");
            return new CaseResult(testCase.id(), testCase.description(), mode, Verdict.FAILED, CaseScript.FAILED,
                    reason, CaseScript.FAILED, "The WebSocket opening handshake was never completed!",
                    script.renderExpected(), "[] handshake: " + handshake.transcript().replace("\r\n", " | "),
                    new CaseResult.CloseFacts(false, true, true, false, reason, null, null, null, null),
                    durationMillis, wireLog);
        }
        if (!graded) {
            graded = true;
            script.onConnectionLost();
        }
        String result = script.result + (abandoned == null ? "" : " (run abandoned: " + abandoned + ")");
        Verdict verdict = fold(script.behavior, script.behaviorClose);
        return new CaseResult(testCase.id(), testCase.description(), mode, verdict, script.behavior, result,
                script.behaviorClose, script.resultClose, script.renderExpected(), script.received.toString(),
                protocol.closeFacts(), durationMillis, verdict == Verdict.OK ? List.of() : wireLog);
    }

    /** Folds the suite's two grades into one verdict, strictest first (see README). */
    static Verdict fold(String behavior, String behaviorClose) {
        if (CaseScript.FAILED.equals(behavior) || CaseScript.FAILED.equals(behaviorClose)
                || CaseScript.UNCLEAN.equals(behaviorClose)) {
            return Verdict.FAILED;
        }
        if (CaseScript.UNIMPLEMENTED.equals(behavior)) {
            return Verdict.UNIMPLEMENTED;
        }
        if (CaseScript.INFORMATIONAL.equals(behavior)) {
            return Verdict.INFORMATIONAL;
        }
        if (CaseScript.NON_STRICT.equals(behavior) || CaseScript.WRONG_CODE.equals(behaviorClose)
                || CaseScript.FAILED_BY_CLIENT.equals(behaviorClose)) {
            return Verdict.NON_STRICT;
        }
        return CaseScript.OK.equals(behavior) ? Verdict.OK : Verdict.FAILED;
    }
}
