package org.campusmirror.ws.autobahn;

import static org.campusmirror.ws.autobahn.CaseScript.repeat;
import static org.campusmirror.ws.autobahn.CaseScript.utf8;
import static org.campusmirror.ws.autobahn.PeerProtocol.CLOSE;
import static org.campusmirror.ws.autobahn.PeerProtocol.PING;
import static org.campusmirror.ws.autobahn.PeerProtocol.TEXT;
import static org.campusmirror.ws.autobahn.ReceivedEvent.text;

/**
 * Cases 7.x (the closing handshake, RFC 6455 sections 5.5.1, 7.1.5, 7.4), after
 * {@code case7_1_1.py} ... {@code case7_13_2.py}. In all but the informational ones a WRONG CODE
 * close turns the behaviour into FAILED, as the suite's {@code onConnectionLost} overrides do.
 */
final class CloseCases {
    private static final int[] VALID_CODES = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999,
        4000, 4999};
    private static final int[] INVALID_CODES = {0, 999, 1004, 1005, 1006, 1016, 1100, 2000, 2999};
    private static final String INVALID_UTF8_REASON = "cebae1bdb9cf83cebcceb5eda080656469746564";

    private CloseCases() {
    }

    static void addTo(CaseCatalogue.Builder cases) {
        cases.add("7.1.1", s -> {
            s.wrongCodeFails = true;
            s.expectOk(text("Hello World!"));
            s.p.sendFrame(TEXT, "Hello World!");
            s.p.killAfter(1);
        });
        cases.add("7.1.2", s -> closeThen(s, () -> s.p.sendFrame(CLOSE, new byte[0])));
        cases.add("7.1.3", s -> closeThen(s, () -> s.p.sendFrame(PING, new byte[0])));
        cases.add("7.1.4", s -> closeThen(s, () -> s.p.sendFrame(TEXT, "Hello World!")));
        cases.add("7.1.5", s -> {
            s.suppressClose = true;
            s.wrongCodeFails = true;
            s.expectOk();
            byte[] first = utf8("fragment1");
            byte[] second = utf8("fragment2");
            s.p.sendFrame(TEXT, first, false, 0, first.length, 0, false);
            s.p.sendClose(1000);
            s.p.sendFrame(0, second, true, 0, second.length, 0, false);
            s.p.killAfter(1);
        });
        cases.add("7.1.6", s -> {
            s.suppressClose = true;
            s.informational = true;
            s.expectOk(text("Hello World!"));
            s.expectNonStrict();
            byte[] pattern = utf8("BAsd7&jh23");
            s.p.sendFrame(TEXT, pattern, true, 0, 256 * 1024, 0, false);
            s.p.sendFrame(TEXT, "Hello World!");
            s.p.sendClose(1000);
            s.p.sendFrame(PING, new byte[0]);
            s.p.killAfter(1);
        });
        cases.add("7.3.1", s -> closeFrame(s, null, null, true, 1000));
        cases.add("7.3.2", s -> closeFrame(s, null, utf8("a"), false, 1002));
        cases.add("7.3.3", s -> closeFrame(s, 1000, null, true, 1000));
        cases.add("7.3.4", s -> closeFrame(s, 1000, utf8("Hello World!"), true, 1000));
        cases.add("7.3.5", s -> closeFrame(s, 1000, repeat("*", 123), true, 1000));
        cases.add("7.3.6", s -> closeFrame(s, 1000, repeat("*", 124), false, 1002));
        cases.add("7.5.1", s -> closeFrame(s, 1000, Hex.decode(INVALID_UTF8_REASON), false, 1002, 1007));
        for (int i = 0; i < VALID_CODES.length; i++) {
            int code = VALID_CODES[i];
            cases.add("7.7." + (i + 1), s -> closeFrame(s, code, null, true, 1000, code));
        }
        for (int i = 0; i < INVALID_CODES.length; i++) {
            int code = INVALID_CODES[i];
            cases.add("7.9." + (i + 1), s -> closeFrame(s, code, null, false, 1002));
        }
        cases.add("7.13.1", s -> informationalCode(s, 5000));
        cases.add("7.13.2", s -> informationalCode(s, 65535));
    }

    /** A normal close, then something the endpoint must ignore. */
    private static void closeThen(Scripted s, Runnable after) {
        s.suppressClose = true;
        s.wrongCodeFails = true;
        s.expectOk();
        s.p.sendClose(1000);
        after.run();
        s.p.killAfter(1);
    }

    private static void closeFrame(Scripted s, Integer code, byte[] reason, boolean requireClean, Integer... allowed) {
        s.suppressClose = true;
        s.wrongCodeFails = true;
        s.expectOk();
        s.expectCloseByMe(requireClean, allowed);
        s.p.sendCloseFrame(code, reason, false);
        s.p.killAfter(1);
    }

    private static void informationalCode(Scripted s, int code) {
        s.suppressClose = true;
        s.informational = true;
        s.expectOk();
        s.expectCloseByMe(false, 1000, code, 1002);
        s.p.sendCloseFrame(code, null, false);
        s.p.killAfter(1);
    }
}
