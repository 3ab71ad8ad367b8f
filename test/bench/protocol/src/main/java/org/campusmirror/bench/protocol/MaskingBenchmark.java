package org.campusmirror.bench.protocol;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.campusmirror.ws.protocol.Masking;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Unmasking 1 MiB in place (RFC 6455 section 5.3), held in cache. Scores are bytes per nanosecond, i.e. GB/s
 * (10^9 bytes/s): each invocation counts its 1 MiB as that many operations.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class MaskingBenchmark {
    private static final int KEY = 0x37fa213d;

    private ByteBuffer heap;
    private ByteBuffer direct;
    private ByteBuffer heapOdd;

    @Setup
    public void setUp() {
        byte[] data = Payloads.random(Payloads.SIZE, 1);
        heap = ByteBuffer.wrap(data.clone());
        direct = ByteBuffer.allocateDirect(Payloads.SIZE).put(data.clone()).flip();
        // Starts at an odd address and an odd payload offset, as a chunk in the middle of a read buffer does.
        heapOdd = ByteBuffer.wrap(Payloads.random(Payloads.SIZE + 3, 2), 3, Payloads.SIZE).slice();
    }

    @Benchmark
    @OperationsPerInvocation(Payloads.SIZE)
    public ByteBuffer unmaskHeap() {
        Masking.unmask(heap, KEY, 0);
        return heap;
    }

    @Benchmark
    @OperationsPerInvocation(Payloads.SIZE)
    public ByteBuffer unmaskDirect() {
        Masking.unmask(direct, KEY, 0);
        return direct;
    }

    @Benchmark
    @OperationsPerInvocation(Payloads.SIZE)
    public ByteBuffer unmaskHeapUnaligned() {
        Masking.unmask(heapOdd, KEY, 1);
        return heapOdd;
    }
}
