package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** parse(write(x)) == x for random frames split at random boundaries, and garbage never breaks the parser. */
class FramePropertiesTest {

    @Property(tries = 500)
    void framesSurviveAnEncodeParseRoundTripSplitAnywhere(@ForAll("frames") @Size(min = 1, max = 8) List<Frame> frames,
            @ForAll Role sender, @ForAll long splitSeed) throws Exception {
        FrameWriter writer = new FrameWriter(sender, MaskKeyGenerator.secure());
        int total = frames.stream().mapToInt(writer::encodedLength).sum();
        ByteBuffer wire = ByteBuffer.allocate(total);
        frames.forEach(f -> writer.write(f, wire));
        wire.flip();

        Role receiver = sender == Role.CLIENT ? Role.SERVER : Role.CLIENT;
        FrameParser parser = new FrameParser(receiver, ProtocolLimits.DEFAULTS, Frame.RSV_MASK);
        List<Frame> parsed = new ArrayList<>();
        for (ByteBuffer piece : split(wire, new Random(splitSeed))) {
            for (Frame f = parser.parse(piece); f != null; f = parser.parse(piece)) {
                parsed.add(f);
            }
            assertTrue(!piece.hasRemaining(), "a piece was left unread");
        }
        assertEquals(frames, parsed);
    }

    @Property(tries = 1000)
    void garbageOnlyEverFailsWithAProtocolExceptionAndStaysWithinMemoryBounds(
            @ForAll @Size(max = 600) byte[] garbage, @ForAll Role receiver, @ForAll long splitSeed) throws Exception {
        FrameParser parser = new FrameParser(receiver, ProtocolLimits.DEFAULTS);
        long allocated = Allocations.measure(() -> {
            try {
                for (ByteBuffer piece : split(ByteBuffer.wrap(garbage), new Random(splitSeed))) {
                    while (parser.parse(piece) != null) {
                        // keep parsing: frames of garbage may well be valid
                    }
                }
            } catch (WebSocketProtocolException expected) {
                assertTrue(List.of(1002, 1009).contains(expected.closeCode()), "code " + expected.closeCode());
            }
        });
        // Claimed lengths (up to 2^63) must not drive allocation: a first payload buffer of at most 64 KiB,
        // then growth only with bytes that arrived.
        assertTrue(allocated < (256 << 10) + 512L * garbage.length, "allocated " + allocated);
    }

    @Property(tries = 300)
    void payloadLengthsAroundEveryLengthFormRoundTrip(@ForAll("lengths") int length, @ForAll Role sender) throws Exception {
        Frame frame = Frame.of(OpCode.BINARY, ByteBuffer.wrap(new byte[length]));
        ByteBuffer wire = new FrameWriter(sender, MaskKeyGenerator.secure()).encode(frame);
        Role receiver = sender == Role.CLIENT ? Role.SERVER : Role.CLIENT;
        assertEquals(frame, new FrameParser(receiver, ProtocolLimits.DEFAULTS).parse(wire));
    }

    @Provide
    Arbitrary<List<Frame>> frames() {
        Arbitrary<Frame> data = Combinators.combine(
                Arbitraries.of(OpCode.TEXT, OpCode.BINARY, OpCode.CONTINUATION),
                Arbitraries.of(true, false),
                Arbitraries.of(0, Frame.RSV1, Frame.RSV2, Frame.RSV3, Frame.RSV1 | Frame.RSV3),
                payloads(2000)).as((op, fin, rsv, payload) -> {
                    Frame f = fin ? Frame.of(op, payload) : Frame.fragment(op, payload);
                    return op == OpCode.CONTINUATION ? f : f.withRsv(rsv);
                });
        Arbitrary<Frame> control = Combinators.combine(Arbitraries.of(OpCode.PING, OpCode.PONG, OpCode.CLOSE), payloads(125))
                .as(Frame::of);
        return Arbitraries.oneOf(data, control).list();
    }

    @Provide
    Arbitrary<Integer> lengths() {
        return Arbitraries.oneOf(Arbitraries.of(0, 1, 124, 125, 126, 127, 65_534, 65_535, 65_536, 65_537),
                Arbitraries.integers().between(0, 200_000));
    }

    private static Arbitrary<ByteBuffer> payloads(int maxLength) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxLength).map(ByteBuffer::wrap);
    }

    /** Cuts the bytes into pieces of random sizes (1 byte up to everything), each in its own buffer. */
    static List<ByteBuffer> split(ByteBuffer all, Random random) {
        List<ByteBuffer> pieces = new ArrayList<>();
        while (all.hasRemaining()) {
            int size = 1 + random.nextInt(random.nextBoolean() ? Math.min(all.remaining(), 16) : all.remaining());
            byte[] piece = new byte[size];
            all.get(piece);
            pieces.add(ByteBuffer.wrap(piece));
        }
        return pieces;
    }

    @Property(tries = 200)
    void utf8ValidatorAgreesWithTheJdkDecoderAtAnySplit(@ForAll @Size(max = 64) byte[] bytes,
            @ForAll @IntRange(min = 0, max = 64) int cut) {
        boolean jdk = Utf8Reference.isValid(bytes);
        Utf8Validator validator = new Utf8Validator();
        int at = Math.min(cut, bytes.length);
        boolean ours = validator.feed(ByteBuffer.wrap(bytes, 0, at))
                & validator.feed(ByteBuffer.wrap(bytes, at, bytes.length - at)) && validator.isComplete();
        assertEquals(jdk, ours);
    }
}
