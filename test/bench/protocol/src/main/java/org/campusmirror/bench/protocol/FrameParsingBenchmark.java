package org.campusmirror.bench.protocol;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.campusmirror.ws.protocol.Frame;
import org.campusmirror.ws.protocol.FrameParser;
import org.campusmirror.ws.protocol.FrameWriter;
import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.protocol.ProtocolLimits;
import org.campusmirror.ws.protocol.Role;
import org.campusmirror.ws.protocol.WebSocketConnection;
import org.campusmirror.ws.protocol.WebSocketListener;
import org.campusmirror.ws.protocol.WebSocketProtocolException;
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
 * Receiving frames as a server (RFC 6455 section 5): header parsing, unmasking, UTF-8 validation of text and
 * delivery to a listener, through {@link WebSocketConnection#receive} (the engine's path, no copy) and through
 * {@link FrameParser} (one Frame object and payload copy per frame).
 *
 * <p>The masking key's bytes are all below 0x80, so masked and unmasked ASCII payloads are both ASCII: the
 * in-place unmasking toggles the buffer between the two and every pass is valid text without re-copying input.
 * Small-frame scores are frames per microsecond; the 1 MiB scores are GB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
public class FrameParsingBenchmark {
    private static final int FRAMES = 1024;
    private static final int ASCII_SAFE_KEY = 0x1234_5678;

    private final Counter counter = new Counter();
    private WebSocketConnection server;
    private FrameParser parser;
    private ByteBuffer smallText;
    private ByteBuffer smallBinary;
    private ByteBuffer largeText;
    private ByteBuffer largeBinary;

    /** Counts messages and bytes so the work cannot be optimised away. */
    static final class Counter implements WebSocketListener {
        long messages;
        long bytes;

        @Override
        public void onTextUtf8(WebSocketConnection connection, ByteBuffer utf8) {
            messages++;
            bytes += utf8.remaining();
        }

        @Override
        public void onBinary(WebSocketConnection connection, ByteBuffer data) {
            messages++;
            bytes += data.remaining();
        }
    }

    @Setup
    public void setUp() {
        server = WebSocketConnection.builder(Role.SERVER).listener(counter).build();
        parser = new FrameParser(Role.SERVER, ProtocolLimits.DEFAULTS);
        FrameWriter client = new FrameWriter(Role.CLIENT, () -> ASCII_SAFE_KEY);
        byte[] payload32 = new byte[32];
        System.arraycopy(Payloads.ascii(), 0, payload32, 0, 32);
        smallText = repeat(client.encode(Frame.of(OpCode.TEXT, ByteBuffer.wrap(payload32))), FRAMES);
        smallBinary = repeat(client.encode(Frame.of(OpCode.BINARY, ByteBuffer.wrap(payload32))), FRAMES);
        largeText = client.encode(Frame.of(OpCode.TEXT, ByteBuffer.wrap(Payloads.ascii())));
        largeBinary = client.encode(Frame.of(OpCode.BINARY, ByteBuffer.wrap(Payloads.random(Payloads.SIZE, 3))));
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long receiveText32() {
        server.receive(smallText.clear());
        return counter.messages;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long receiveBinary32() {
        server.receive(smallBinary.clear());
        return counter.messages;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int frameParserText32() throws WebSocketProtocolException {
        ByteBuffer in = smallText.clear();
        int total = 0;
        for (Frame f = parser.parse(in); f != null; f = parser.parse(in)) {
            total += f.payloadLength();
        }
        return total;
    }

    /** One 1 MiB masked text frame: unmask + UTF-8 check + delivery. Score: bytes per ns = GB/s. */
    @Benchmark
    @OperationsPerInvocation(Payloads.SIZE)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long receiveText1MiB() {
        server.receive(largeText.clear());
        return counter.bytes;
    }

    /** One 1 MiB masked binary frame: unmask + delivery. Score: GB/s. */
    @Benchmark
    @OperationsPerInvocation(Payloads.SIZE)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long receiveBinary1MiB() {
        server.receive(largeBinary.clear());
        return counter.bytes;
    }

    private static ByteBuffer repeat(ByteBuffer frame, int times) {
        ByteBuffer all = ByteBuffer.allocate(frame.remaining() * times);
        for (int i = 0; i < times; i++) {
            all.put(frame.duplicate());
        }
        return all.flip();
    }
}
