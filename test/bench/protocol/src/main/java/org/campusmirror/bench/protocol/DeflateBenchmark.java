package org.campusmirror.bench.protocol;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.campusmirror.ws.deflate.DeflateExtension;
import org.campusmirror.ws.deflate.PerMessageDeflate;
import org.campusmirror.ws.deflate.PerMessageDeflateOptions;
import org.campusmirror.ws.protocol.OpCode;
import org.campusmirror.ws.protocol.PayloadSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * permessage-deflate round trip (RFC 7692 section 7.2): a server-side {@link DeflateExtension} compresses a
 * JSON-like message (sync flush, tail stripped) and a client-side one inflates it (tail appended), through the
 * extension SPI exactly as the engine calls it, framing left out. Default level (zlib 6), threshold 0, with or
 * without context takeover (both directions). Score: round trips per second; MB/s = score x size / 10^6.
 * node/deflate.mjs measures the same with the Node ws library's PerMessageDeflate class.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class DeflateBenchmark {

    @Param({"32", "1024", "16384", "204800"})
    public int size;

    @Param({"true", "false"})
    public boolean contextTakeover;

    private PerMessageDeflate serverFactory;
    private PerMessageDeflate clientFactory;
    private DeflateExtension server;
    private DeflateExtension client;
    private ByteBuffer message;
    private final Collecting compressed = new Collecting();
    private final Counting inflated = new Counting();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        PerMessageDeflateOptions options = PerMessageDeflateOptions.builder().threshold(0)
                .serverNoContextTakeover(!contextTakeover).clientNoContextTakeover(!contextTakeover).build();
        serverFactory = PerMessageDeflate.create(options);
        clientFactory = PerMessageDeflate.create(options);
        server = (DeflateExtension) serverFactory.acceptOffer(clientFactory.offers()).orElseThrow();
        client = (DeflateExtension) clientFactory.acceptResponse(server.negotiated());
        message = ByteBuffer.wrap(JsonMessages.json(size, 7));
        if (roundTrip() != size) {
            throw new IllegalStateException("round trip lost bytes");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
        client.close();
        serverFactory.close();
        clientFactory.close();
    }

    @Benchmark
    public long roundTrip() throws Exception {
        if (!server.encodes(OpCode.TEXT, size)) {
            throw new IllegalStateException("message not compressed");
        }
        compressed.buffer.clear();
        server.encodeFinal(message.duplicate(), compressed);
        inflated.total = 0;
        client.decode(compressed.buffer.flip(), inflated);
        client.finishDecoding(inflated);
        return inflated.total;
    }

    /** Keeps the compressed message, as the engine's frame sender does. */
    private static final class Collecting implements PayloadSink {
        private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);

        @Override
        public void accept(ByteBuffer bytes) {
            buffer.put(bytes);
        }
    }

    /** Takes the inflated bytes as an application would read them: counted. */
    private static final class Counting implements PayloadSink {
        private long total;

        @Override
        public void accept(ByteBuffer bytes) {
            total += bytes.remaining();
            bytes.position(bytes.limit());
        }
    }
}
