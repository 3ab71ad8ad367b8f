package org.campusmirror.ws.autobahn;

import static org.campusmirror.ws.autobahn.CaseScript.repeat;
import static org.campusmirror.ws.autobahn.CaseScript.utf8;
import static org.campusmirror.ws.autobahn.PeerProtocol.BINARY;
import static org.campusmirror.ws.autobahn.PeerProtocol.CLOSE;
import static org.campusmirror.ws.autobahn.PeerProtocol.PING;
import static org.campusmirror.ws.autobahn.PeerProtocol.PONG;
import static org.campusmirror.ws.autobahn.PeerProtocol.TEXT;
import static org.campusmirror.ws.autobahn.ReceivedEvent.message;
import static org.campusmirror.ws.autobahn.ReceivedEvent.pong;
import static org.campusmirror.ws.autobahn.ReceivedEvent.text;

/**
 * Cases 1 to 5 (framing, pings and pongs, reserved bits, opcodes, fragmentation), after
 * {@code case1_1_1.py} ... {@code case5_20.py} (RFC 6455 sections 5.2 to 5.5).
 */
final class FramingCases {
    private static final String HELLO = "Hello, world!";
    private static final byte[] SMALL_BINARY = Hex.decode("00fffefdfcfb00ff");

    private FramingCases() {
    }

    static void addTo(CaseCatalogue.Builder cases) {
        addEcho(cases);
        addPingPong(cases);
        addReservedBits(cases);
        addOpcodes(cases);
        addFragmentation(cases);
    }

    private static void addEcho(CaseCatalogue.Builder cases) {
        int[] lengths = {0, 125, 126, 127, 128, 65535, 65536, 65536};
        for (int i = 0; i < lengths.length; i++) {
            int length = lengths[i];
            int chop = i == 7 ? 997 : 0;
            double kill = length > 128 ? 10 : 1;
            cases.add("1.1." + (i + 1), s -> {
                byte[] payload = repeat("*", length);
                s.expectOk(message(payload, false));
                s.p.sendFrame(TEXT, payload, true, 0, payload.length, chop, false);
                s.p.killAfter(kill);
            });
            cases.add("1.2." + (i + 1), s -> {
                byte[] payload = fe(length);
                s.expectOk(message(payload, true));
                s.p.sendFrame(BINARY, payload, true, 0, payload.length, chop, false);
                s.p.killAfter(kill);
            });
        }
    }

    static byte[] fe(int length) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) 0xFE);
        return bytes;
    }

    private static void addPingPong(CaseCatalogue.Builder cases) {
        cases.add("2.1", s -> pingEchoed(s, new byte[0], 0, 1));
        cases.add("2.2", s -> pingEchoed(s, utf8(HELLO), 0, 1));
        cases.add("2.3", s -> pingEchoed(s, SMALL_BINARY, 0, 1));
        cases.add("2.4", s -> pingEchoed(s, fe(125), 0, 1));
        cases.add("2.5", s -> {
            s.expectOk();
            s.expectFailedByEndpoint(1002);
            s.p.sendFrame(PING, fe(126));
            s.p.killAfter(1);
        });
        cases.add("2.6", s -> pingEchoed(s, fe(125), 1, 2));
        cases.add("2.7", s -> {
            s.expectOk();
            s.p.sendFrame(PONG, new byte[0]);
            s.p.sendClose(1000);
            s.p.closeAfter(1);
        });
        cases.add("2.8", s -> {
            s.expectOk();
            s.p.sendFrame(PONG, "unsolicited pong payload");
            s.p.sendClose(1000);
            s.p.closeAfter(1);
        });
        cases.add("2.9", s -> {
            s.expectOk(pong("ping payload"));
            s.p.sendFrame(PONG, "unsolicited pong payload");
            s.p.sendFrame(PING, "ping payload");
            s.p.closeAfter(1);
        });
        cases.add("2.10", s -> tenPings(s, 0));
        cases.add("2.11", s -> tenPings(s, 1));
    }

    private static void pingEchoed(Scripted s, byte[] payload, int chop, double closeAfter) {
        s.expectOk(pong(payload));
        s.p.sendFrame(PING, payload, true, 0, payload.length, chop, false);
        s.p.closeAfter(closeAfter);
    }

    private static void tenPings(Scripted s, int chop) {
        ReceivedEvent[] pongs = new ReceivedEvent[10];
        for (int i = 0; i < 10; i++) {
            byte[] payload = utf8("payload-" + i);
            pongs[i] = pong(payload);
        }
        s.expectOk(pongs);
        for (int i = 0; i < 10; i++) {
            byte[] payload = utf8("payload-" + i);
            s.p.sendFrame(PING, payload, true, 0, payload.length, chop, false);
        }
        s.p.closeAfter(3);
    }

    private static void addReservedBits(CaseCatalogue.Builder cases) {
        cases.add("3.1", s -> {
            failsWith1002(s);
            s.p.sendFrame(TEXT, utf8(HELLO), true, 1, HELLO.length(), 0, false);
            s.p.killAfter(1);
        });
        cases.add("3.2", s -> echoThenBadFrame(s, TEXT, utf8(HELLO), 2, 0, false));
        cases.add("3.3", s -> echoThenBadFrame(s, TEXT, utf8(HELLO), 3, 0, true));
        cases.add("3.4", s -> echoThenBadFrame(s, TEXT, utf8(HELLO), 4, 1, false));
        cases.add("3.5", s -> {
            failsWith1002(s);
            s.p.sendFrame(BINARY, SMALL_BINARY, true, 5, SMALL_BINARY.length, 0, false);
            s.p.killAfter(1);
        });
        cases.add("3.6", s -> {
            failsWith1002(s);
            s.p.sendFrame(PING, utf8(HELLO), true, 6, HELLO.length(), 0, false);
            s.p.killAfter(1);
        });
        cases.add("3.7", s -> {
            failsWith1002(s);
            s.p.sendFrame(CLOSE, new byte[0], true, 7, 0, 0, false);
            s.p.killAfter(1);
        });
    }

    private static void failsWith1002(Scripted s) {
        s.expectOk();
        s.expectFailedByEndpoint(1002);
    }

    /** A good text message, then a bad frame (rsv and/or opcode), then a ping that must stay unanswered. */
    private static void echoThenBadFrame(Scripted s, int badOpcode, byte[] badPayload, int badRsv, int chop,
            boolean sync) {
        s.expectOk(text(HELLO));
        s.expectNonStrict();
        s.expectFailedByEndpoint(1002);
        byte[] hello = utf8(HELLO);
        s.p.sendFrame(TEXT, hello, true, 0, hello.length, chop, sync);
        s.p.sendFrame(badOpcode, badPayload, true, badRsv, badPayload.length, chop, sync);
        s.p.sendFrame(PING, new byte[0], true, 0, 0, chop, sync);
        s.p.killAfter(1);
    }

    private static void addOpcodes(CaseCatalogue.Builder cases) {
        int[][] groups = {{3, 4, 5, 6, 7}, {11, 12, 13, 14, 15}};
        for (int g = 0; g < 2; g++) {
            int[] opcodes = groups[g];
            String prefix = "4." + (g + 1) + ".";
            cases.add(prefix + 1, s -> {
                failsWith1002(s);
                s.p.sendFrame(opcodes[0], new byte[0]);
                s.p.killAfter(1);
            });
            cases.add(prefix + 2, s -> {
                failsWith1002(s);
                s.p.sendFrame(opcodes[1], "reserved opcode payload");
                s.p.killAfter(1);
            });
            cases.add(prefix + 3, s -> echoThenBadFrame(s, opcodes[2], new byte[0], 0, 0, false));
            cases.add(prefix + 4, s -> echoThenBadFrame(s, opcodes[3], utf8(HELLO), 0, 0, false));
            cases.add(prefix + 5, s -> echoThenBadFrame(s, opcodes[4], utf8(HELLO), 0, 1, false));
        }
    }

    private static void addFragmentation(CaseCatalogue.Builder cases) {
        cases.add("5.1", s -> fragmentedControl(s, PING));
        cases.add("5.2", s -> fragmentedControl(s, PONG));
        cases.add("5.3", s -> twoFragments(s, 0, false));
        cases.add("5.4", s -> twoFragments(s, 0, true));
        cases.add("5.5", s -> twoFragments(s, 1, false));
        cases.add("5.6", s -> twoFragmentsAndPing(s, 0, false));
        cases.add("5.7", s -> twoFragmentsAndPing(s, 0, true));
        cases.add("5.8", s -> twoFragmentsAndPing(s, 1, false));
        cases.add("5.9", s -> nothingToContinue(s, true, 0, false));
        cases.add("5.10", s -> nothingToContinue(s, true, 0, true));
        cases.add("5.11", s -> nothingToContinue(s, true, 1, false));
        cases.add("5.12", s -> nothingToContinue(s, false, 0, false));
        cases.add("5.13", s -> nothingToContinue(s, false, 0, true));
        cases.add("5.14", s -> nothingToContinue(s, false, 1, false));
        cases.add("5.15", s -> {
            s.expectOk(text("fragment1fragment2"));
            s.expectNonStrict();
            s.expectFailedByEndpoint(1002);
            frame(s, TEXT, false, "fragment1", 0, false);
            frame(s, 0, true, "fragment2", 0, false);
            frame(s, 0, false, "fragment3", 0, false);
            frame(s, TEXT, true, "fragment4", 0, false);
            s.p.killAfter(1);
        });
        cases.add("5.16", s -> repeatedNothingToContinue(s, false));
        cases.add("5.17", s -> repeatedNothingToContinue(s, true));
        cases.add("5.18", s -> {
            failsWith1002(s);
            frame(s, TEXT, false, "fragment1", 0, false);
            frame(s, TEXT, true, "fragment2", 0, false);
            s.p.killAfter(1);
        });
        cases.add("5.19", s -> pingsBetweenFragments(s, false));
        cases.add("5.20", s -> pingsBetweenFragments(s, true));
    }

    private static void frame(Scripted s, int opcode, boolean fin, String payload, int chop, boolean sync) {
        byte[] bytes = utf8(payload);
        s.p.sendFrame(opcode, bytes, fin, 0, bytes.length, chop, sync);
    }

    private static void fragmentedControl(Scripted s, int opcode) {
        failsWith1002(s);
        frame(s, opcode, false, "fragment1", 0, false);
        frame(s, 0, true, "fragment2", 0, false);
        s.p.killAfter(1);
    }

    private static void twoFragments(Scripted s, int chop, boolean sync) {
        s.expectOk(text("fragment1fragment2"));
        frame(s, TEXT, false, "fragment1", chop, sync);
        frame(s, 0, true, "fragment2", chop, sync);
        s.p.closeAfter(1);
    }

    private static void twoFragmentsAndPing(Scripted s, int chop, boolean sync) {
        s.expectOk(pong("ping payload"), text("fragment1fragment2"));
        frame(s, TEXT, false, "fragment1", chop, sync);
        frame(s, PING, true, "ping payload", chop, sync);
        frame(s, 0, true, "fragment2", chop, sync);
        s.p.closeAfter(1);
    }

    private static void nothingToContinue(Scripted s, boolean fin, int chop, boolean sync) {
        failsWith1002(s);
        frame(s, 0, fin, "non-continuation payload", chop, sync);
        frame(s, TEXT, true, HELLO, chop, sync);
        s.p.killAfter(1);
    }

    private static void repeatedNothingToContinue(Scripted s, boolean fin) {
        failsWith1002(s);
        for (int i = 0; i < 2; i++) {
            frame(s, 0, fin, "fragment1", 0, false);
            frame(s, TEXT, false, "fragment2", 0, false);
            frame(s, 0, true, "fragment3", 0, false);
        }
        s.p.killAfter(1);
    }

    private static void pingsBetweenFragments(Scripted s, boolean sync) {
        String[] fragments = {"fragment1", "fragment2", "fragment3", "fragment4", "fragment5"};
        String[] pings = {"pongme 1!", "pongme 2!"};
        s.expectOk(pong(pings[0]), pong(pings[1]), text(String.join("", fragments)));
        frame(s, TEXT, false, fragments[0], 0, sync);
        frame(s, 0, false, fragments[1], 0, sync);
        frame(s, PING, true, pings[0], 0, sync);
        s.p.continueLater(1, () -> {
            frame(s, 0, false, fragments[2], 0, sync);
            frame(s, 0, false, fragments[3], 0, sync);
            frame(s, PING, true, pings[1], 0, sync);
            frame(s, 0, true, fragments[4], 0, sync);
            s.p.closeAfter(1);
        });
    }
}
