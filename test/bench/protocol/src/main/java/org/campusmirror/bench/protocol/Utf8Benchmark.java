package org.campusmirror.bench.protocol;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.campusmirror.ws.protocol.Utf8Validator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** UTF-8 validation of 1 MiB (RFC 3629), ASCII and mixed text, heap and direct. Scores are GB/s. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
public class Utf8Benchmark {
    private final Utf8Validator validator = new Utf8Validator();
    private ByteBuffer ascii;
    private ByteBuffer mixed;
    private ByteBuffer asciiDirect;
    private ByteBuffer mixedDirect;

    @Setup
    public void setUp() {
        ascii = ByteBuffer.wrap(Payloads.ascii());
        mixed = ByteBuffer.wrap(Payloads.mixed());
        asciiDirect = ByteBuffer.allocateDirect(Payloads.SIZE).put(Payloads.ascii()).flip();
        mixedDirect = ByteBuffer.allocateDirect(Payloads.SIZE).put(Payloads.mixed()).flip();
        if (!Utf8Validator.isValid(ascii) || !Utf8Validator.isValid(mixed)) {
            throw new IllegalStateException("benchmark input is not valid UTF-8");
        }
    }

    @Benchmark
    @OperationsPerInvocation(Payloads.SIZE)
    public boolean asciiHeap() {
        validator.reset();
        return validator.feed(ascii) && validator.isComplete();
    }

    @Benchmark
    @OperationsPerInvocation(Payloads.SIZE)
    public boolean mixedHeap() {
        validator.reset();
        return validator.feed(mixed) && validator.isComplete();
    }

    @Benchmark
    @OperationsPerInvocation(Payloads.SIZE)
    public boolean asciiDirect() {
        validator.reset();
        return validator.feed(asciiDirect) && validator.isComplete();
    }

    @Benchmark
    @OperationsPerInvocation(Payloads.SIZE)
    public boolean mixedDirect() {
        validator.reset();
        return validator.feed(mixedDirect) && validator.isComplete();
    }
}
