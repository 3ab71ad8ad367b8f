package org.campusmirror.ws.autobahn;

import static org.campusmirror.ws.autobahn.PeerProtocol.BINARY;
import static org.campusmirror.ws.autobahn.PeerProtocol.TEXT;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Cases 9.x (large messages, fragments, chops, round trips) and 10.1.1 (auto-fragmentation), after
 * {@code case9_1_1.py} ... {@code case9_7_X.py} and {@code case10_1_1.py}. Unlike the suite, which
 * only compares lengths, the echo is also compared by content (SHA-1 of what was sent).
 */
final class LimitCases {
    private static final String TEXT_PATTERN = "BAsd7&jh23";
    private static final byte[] BINARY_PATTERN = Hex.decode("00fe23faf0");
    private static final int KIB = 1024;
    private static final int MIB = 1024 * 1024;

    private LimitCases() {
    }

    static void addTo(CaseCatalogue.Builder cases) {
        int[] sizes = {64 * KIB, 256 * KIB, MIB, 4 * MIB, 8 * MIB, 16 * MIB};
        int[] textWait = {10, 10, 100, 100, 100, 100};
        int[] binaryWait = {10, 10, 10, 10, 100, 100};
        for (int i = 0; i < sizes.length; i++) {
            int size = sizes[i];
            int textSeconds = textWait[i];
            int binarySeconds = binaryWait[i];
            cases.add("9.1." + (i + 1), () -> new BigEcho(false, TEXT_PATTERN.getBytes(StandardCharsets.US_ASCII),
                    size, 0, 0, textSeconds));
            cases.add("9.2." + (i + 1), () -> new BigEcho(true, BINARY_PATTERN, size, 0, 0, binarySeconds));
        }
        int[] fragments = {64, 256, KIB, 4 * KIB, 16 * KIB, 64 * KIB, 256 * KIB, MIB, 4 * MIB};
        for (int i = 0; i < fragments.length; i++) {
            int fragment = fragments[i];
            cases.add("9.3." + (i + 1), () -> new BigEcho(false, new byte[] {'*'}, 4 * MIB, fragment, 0, 100));
            // the suite's 9.4.1 repeats 0xfe, 9.4.2 to 9.4.9 repeat '*' (binary nonetheless)
            byte[] pattern = i == 0 ? new byte[] {(byte) 0xFE} : new byte[] {'*'};
            cases.add("9.4." + (i + 1), () -> new BigEcho(true, pattern, 4 * MIB, fragment, 0, 100));
        }
        int[] chops = {64, 128, 256, 512, 1024, 2048};
        for (int i = 0; i < chops.length; i++) {
            int chop = chops[i];
            cases.add("9.5." + (i + 1), () -> new BigEcho(false, TEXT_PATTERN.getBytes(StandardCharsets.US_ASCII),
                    MIB, 0, chop, 1000));
            cases.add("9.6." + (i + 1), () -> new BigEcho(true, BINARY_PATTERN, MIB, 0, chop, 1000));
        }
        int[] lengths = {0, 16, 64, 256, 1024, 4096};
        int[] waits = {60, 60, 60, 120, 240, 480};
        for (int i = 0; i < lengths.length; i++) {
            int length = lengths[i];
            int wait = waits[i];
            cases.add("9.7." + (i + 1), () -> new RoundTrips(false, length, 1000, wait));
            cases.add("9.8." + (i + 1), () -> new RoundTrips(true, length, 1000, wait));
        }
        cases.add("10.1.1", AutoFragmented::new);
    }

    static String patternSha1(byte[] pattern, long length) {
        MessageDigest digest = ReceivedEvent.newSha1();
        byte[] block = new byte[64 * KIB - (64 * KIB) % Math.max(1, pattern.length)];
        for (int i = 0; i < block.length; i++) {
            block[i] = pattern[i % pattern.length];
        }
        long left = length;
        while (left > 0) {
            int count = (int) Math.min(left, block.length);
            digest.update(block, 0, count);
            left -= count;
        }
        return Hex.encode(digest.digest());
    }

    /** 9.1 to 9.6: one big message, as one frame (maybe chopped) or in fragments; one echo. */
    static final class BigEcho extends CaseScript {
        private final boolean binary;
        private final byte[] pattern;
        private final int length;
        private final int fragmentSize;
        private final int chopSize;
        private final int waitSeconds;
        private String sha1;

        BigEcho(boolean binary, byte[] pattern, int length, int fragmentSize, int chopSize, int waitSeconds) {
            this.binary = binary;
            this.pattern = pattern;
            this.length = length;
            this.fragmentSize = fragmentSize;
            this.chopSize = chopSize;
            this.waitSeconds = waitSeconds;
        }

        @Override
        void onOpen() {
            sha1 = patternSha1(pattern, length);
            behavior = FAILED;
            result = "Did not receive message within " + waitSeconds + " seconds.";
            if (fragmentSize > 0) {
                byte[] payload = new byte[length];
                for (int i = 0; i < length; i++) {
                    payload[i] = pattern[i % pattern.length];
                }
                p.sendMessage(payload, binary, fragmentSize);
            } else {
                p.sendFrame(binary ? BINARY : TEXT, pattern, true, 0, length, chopSize, false);
            }
            p.closeAfter(waitSeconds);
        }

        @Override
        void onMessage(ReceivedEvent message) {
            received.add(message);
            String kind = binary ? "binary" : "text";
            if (message.binary() != binary) {
                result = "Expected " + kind + " message with payload, but got " + (binary ? "text." : "binary.");
            } else if (message.length() != length) {
                result = "Expected " + kind + " message with payload of length " + length + ", but got "
                        + message.length() + ".";
            } else if (!message.sha1().equals(sha1)) {
                result = "Received " + kind + " message of length " + length + " but with other content (SHA-1 "
                        + message.sha1() + ").";
            } else {
                behavior = OK;
                result = "Received " + kind + " message of length " + message.length() + ".";
            }
            p.sendClose(1000);
        }

        @Override
        String renderExpected() {
            return "one " + (binary ? "binary" : "text") + " echo of " + length + " bytes, SHA-1 " + sha1
                    + ", then close " + expectedClose;
        }
    }

    /** 9.7, 9.8: a thousand messages, each sent when the previous echo came back. */
    static final class RoundTrips extends CaseScript {
        private final boolean binary;
        private final int length;
        private final int count;
        private final int waitSeconds;
        private final String sha1;
        private int sent;

        RoundTrips(boolean binary, int length, int count, int waitSeconds) {
            this.binary = binary;
            this.length = length;
            this.count = count;
            this.waitSeconds = waitSeconds;
            this.sha1 = patternSha1(binary ? new byte[] {(byte) 0xFE} : new byte[] {'*'}, length);
        }

        @Override
        void onOpen() {
            behavior = FAILED;
            result = "Case did not finish within " + waitSeconds + " seconds.";
            p.closeAfter(waitSeconds);
            sendOne();
        }

        private void sendOne() {
            p.sendFrame(binary ? BINARY : TEXT, binary ? new byte[] {(byte) 0xFE} : new byte[] {'*'}, true, 0, length,
                    0, false);
            sent++;
        }

        @Override
        void onMessage(ReceivedEvent message) {
            if (message.binary() != binary || message.length() != length || !message.sha1().equals(sha1)) {
                behavior = FAILED;
                result = "Echo'ed message type, length or content differs from what I sent (got binary = "
                        + message.binary() + ", payload length = " + message.length() + ") at message " + sent + ".";
                received.add(message);
                p.sendClose(1000);
            } else if (sent < count) {
                sendOne();
            } else {
                behavior = OK;
                result = "Ok, received all echo'ed messages in time.";
                p.sendClose(1000);
            }
        }

        @Override
        String renderExpected() {
            return count + " echoes of " + length + " bytes each, then close " + expectedClose;
        }
    }

    /** 10.1.1: a 64 KiB text message auto-fragmented to 1300 bytes; checks the peer's own frame counts. */
    static final class AutoFragmented extends CaseScript {
        private static final int LENGTH = 65536;
        private static final int FRAGMENT = 1300;

        @Override
        void onOpen() {
            byte[] payload = repeat("*", LENGTH);
            expectOk(ReceivedEvent.message(payload, false));
            p.autoFragmentSize = FRAGMENT;
            p.sendMessage(payload, false, 0);
            p.killAfter(10);
        }

        @Override
        void onConnectionLost() {
            super.onConnectionLost();
            long continuation = p.txFrames[0];
            long text = p.txFrames[TEXT];
            if (continuation != LENGTH / FRAGMENT || text != 1) {
                behavior = FAILED;
                result = "Frames transmitted {0: " + continuation + ", 1: " + text + "} does not match what we expected"
                        + " {0: " + LENGTH / FRAGMENT + ", 1: 1}.";
            }
        }
    }
}
