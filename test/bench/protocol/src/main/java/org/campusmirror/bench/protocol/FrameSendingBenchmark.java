package org.campusmirror.bench.protocol;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.campusmirror.ws.protocol.OutboundQueue;
import org.campusmirror.ws.protocol.Role;
import org.campusmirror.ws.protocol.WebSocketConnection;
import org.campusmirror.ws.protocol.WebSocketListener;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Sending 32-byte binary messages (RFC 6455 section 5.2 encoding; a client also masks) into the outbound queue,
 * then marking them written as a transport would. Score: messages per microsecond.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class FrameSendingBenchmark {
    private static final int MESSAGES = 64;

    @Param({"SERVER", "CLIENT"})
    public Role role;

    private WebSocketConnection connection;
    private ByteBuffer payload;

    @Setup
    public void setUp() {
        connection = WebSocketConnection.builder(role).listener(new WebSocketListener() { }).build();
        payload = ByteBuffer.wrap(Payloads.random(32, 4));
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long send32() {
        for (int i = 0; i < MESSAGES; i++) {
            connection.sendBinary(payload);
        }
        OutboundQueue queue = connection.outbound();
        long written = 0;
        for (int i = 0; i < queue.size(); i++) {
            ByteBuffer b = queue.buffers()[i];
            written += b.remaining();
            b.position(b.limit());
        }
        queue.removeWritten();
        return written;
    }
}
