package org.campusmirror.ws.deflate.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import java.util.zip.Deflater;
import org.campusmirror.ws.deflate.internal.WindowedDeflaterConfig.ContextTakeover;

/**
 * A quick figure, not a JMH benchmark: compression ratio and throughput of {@link WindowedDeflater}
 * against java.util.zip.Deflater (raw, sync flush) on the same 200 KB payloads. Prints a table and asserts
 * nothing. Run pinned to one core, after the test classes are compiled:
 *
 * <pre>taskset -c 0 java -cp ws.deflate/target/classes:ws.deflate/target/test-classes \
 *     org.campusmirror.ws.deflate.internal.WindowedDeflaterBenchmark [seconds per row]</pre>
 */
public final class WindowedDeflaterBenchmark {
    private static final int PAYLOAD_SIZE = 200_000;

    private record Compressor(String name, ToIntFunction<byte[]> compress) {
    }

    private WindowedDeflaterBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        byte[][] payloads = {Payloads.json(PAYLOAD_SIZE, 1), Payloads.text(PAYLOAD_SIZE, 1)};
        String[] payloadNames = {"JSON", "text"};
        List<Compressor> compressors = new ArrayList<>();
        compressors.add(zipDeflater("java.util.zip level 1 (15 bits)", 1));
        compressors.add(zipDeflater("java.util.zip level 6 (15 bits)", Deflater.DEFAULT_COMPRESSION));
        for (int bits : new int[] {9, 12, 14, 15}) {
            WindowedDeflaterConfig config = WindowedDeflaterConfig.of(bits, ContextTakeover.RESET_PER_MESSAGE);
            compressors.add(windowed("WindowedDeflater " + bits + " bits", config));
            compressors.add(windowed("WindowedDeflater " + bits + " bits fast", config.withFastSearch()));
        }
        System.out.printf(Locale.ROOT, "%-36s %-5s %10s %8s %9s%n", "compressor", "data", "out bytes", "ratio", "MB/s");
        for (int p = 0; p < payloads.length; p++) {
            for (Compressor compressor : compressors) {
                byte[] payload = payloads[p];
                run(compressor, payload, seconds / 2);
                long start = System.nanoTime();
                long deadline = start + (long) (seconds * 1e9);
                long rounds = 0;
                int size = 0;
                do {
                    size = compressor.compress().applyAsInt(payload);
                    rounds++;
                } while (System.nanoTime() < deadline);
                double elapsed = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%-36s %-5s %10d %8.3f %9.1f%n", compressor.name(), payloadNames[p],
                        size, (double) size / payload.length, rounds * payload.length / elapsed / 1e6);
            }
        }
    }

    /** Warm-up: the same work, unmeasured. */
    private static void run(Compressor compressor, byte[] payload, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            compressor.compress().applyAsInt(payload);
        }
    }

    private static Compressor zipDeflater(String name, int level) {
        Deflater deflater = new Deflater(level, true);
        byte[] out = new byte[PAYLOAD_SIZE * 2];
        return new Compressor(name, payload -> {
            deflater.reset();
            deflater.setInput(payload);
            int total = 0;
            int n;
            do {
                n = deflater.deflate(out, total, out.length - total, Deflater.SYNC_FLUSH);
                total += n;
            } while (n > 0 && total < out.length);
            return total;
        });
    }

    private static Compressor windowed(String name, WindowedDeflaterConfig config) {
        WindowedDeflater deflater = new WindowedDeflater(config);
        byte[] out = new byte[PAYLOAD_SIZE * 2];
        return new Compressor(name, payload -> {
            deflater.write(payload, 0, payload.length);
            deflater.finishMessage();
            return deflater.drainTo(out, 0, out.length);
        });
    }
}
