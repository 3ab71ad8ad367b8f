package org.campusmirror.ws.autobahn;

import static org.campusmirror.ws.autobahn.CaseScript.utf8;
import static org.campusmirror.ws.autobahn.PeerProtocol.TEXT;
import static org.campusmirror.ws.autobahn.ReceivedEvent.message;
import static org.campusmirror.ws.autobahn.ReceivedEvent.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cases 6.x (UTF-8 in text messages, RFC 6455 section 8.1), after {@code case6_1_1.py} ...
 * {@code case6_4_4.py} and the sequence table of {@code case6_x_x.py} (from Markus Kuhn's
 * UTF-8-test.txt). Invalid text must fail the connection with 1007, by the endpoint.
 */
final class Utf8Cases {
    private static final String KOSME = "cebae1bdb9cf83cebcceb5";
    private static final String HELLO_UTF8 = "Hello-\u00b5@\u00df\u00f6\u00e4\u00fc\u00e0\u00e1-UTF-8!!";

    private Utf8Cases() {
    }

    static void addTo(CaseCatalogue.Builder cases) {
        addFragments(cases);
        addFailFast(cases);
        List<List<String[]>> table = sequenceTable();
        for (int group = 0; group < table.size(); group++) {
            List<String[]> sequences = table.get(group);
            for (int i = 0; i < sequences.size(); i++) {
                boolean valid = Boolean.parseBoolean(sequences.get(i)[0]);
                byte[] payload = Hex.decode(sequences.get(i)[1]);
                cases.add("6." + (group + 5) + "." + (i + 1), s -> oneMessage(s, payload, valid));
            }
        }
    }

    private static void oneMessage(Scripted s, byte[] payload, boolean valid) {
        if (valid) {
            s.expectOk(message(payload, false));
        } else {
            failsWith1007(s);
        }
        s.p.sendMessage(payload, false, 0);
        s.p.killAfter(0.5);
    }

    static void failsWith1007(CaseScript s) {
        s.expectOk();
        s.expectedClose = new CaseScript.ExpectedClose(false, List.of(1007), false, true);
    }

    private static void addFragments(CaseCatalogue.Builder cases) {
        cases.add("6.1.1", s -> {
            s.expectOk(text(""));
            s.p.sendFrame(TEXT, "");
            s.p.closeAfter(1);
        });
        cases.add("6.1.2", s -> {
            s.expectOk(text(""));
            s.p.sendFrame(TEXT, new byte[0], false, 0, 0, 0, false);
            s.p.sendFrame(0, new byte[0], false, 0, 0, 0, false);
            s.p.sendFrame(0, new byte[0], true, 0, 0, 0, false);
            s.p.closeAfter(1);
        });
        cases.add("6.1.3", s -> {
            byte[] middle = utf8("middle frame payload");
            s.expectOk(message(middle, false));
            s.p.sendFrame(TEXT, new byte[0], false, 0, 0, 0, false);
            s.p.sendFrame(0, middle, false, 0, middle.length, 0, false);
            s.p.sendFrame(0, new byte[0], true, 0, 0, 0, false);
            s.p.closeAfter(1);
        });
        cases.add("6.2.1", s -> {
            s.expectOk(text(HELLO_UTF8));
            s.p.sendMessage(utf8(HELLO_UTF8), false, 0);
            s.p.closeAfter(1);
        });
        cases.add("6.2.2", s -> {
            byte[] first = utf8("Hello-\u00b5@\u00df\u00f6\u00e4");
            byte[] second = utf8("\u00fc\u00e0\u00e1-UTF-8!!");
            s.expectOk(text(HELLO_UTF8));
            s.p.sendFrame(TEXT, first, false, 0, first.length, 0, false);
            s.p.sendFrame(0, second, true, 0, second.length, 0, false);
            s.p.closeAfter(1);
        });
        cases.add("6.2.3", s -> {
            s.expectOk(text(HELLO_UTF8));
            s.p.sendMessage(utf8(HELLO_UTF8), false, 1);
            s.p.closeAfter(1);
        });
        cases.add("6.2.4", s -> {
            byte[] kosme = Hex.decode(KOSME);
            s.expectOk(message(kosme, false));
            s.p.sendMessage(kosme, false, 1);
            s.p.closeAfter(1);
        });
        byte[] invalid = Hex.decode(KOSME + "eda080" + "656469746564");
        cases.add("6.3.1", s -> {
            failsWith1007(s);
            s.p.sendMessage(invalid, false, 0);
            s.p.killAfter(1);
        });
        cases.add("6.3.2", s -> {
            failsWith1007(s);
            s.p.sendMessage(invalid, false, 1);
            s.p.killAfter(1);
        });
    }

    /** 6.4.x: the endpoint must fail while the rest of the message is still to come. */
    private static void addFailFast(CaseCatalogue.Builder cases) {
        byte[] payload = Hex.decode(KOSME + "f4908080" + "656469746564");
        byte[][] framesSplit = {Hex.decode(KOSME), Hex.decode("f4908080"), Hex.decode("656469746564")};
        byte[][] byteSplit = {Arrays.copyOfRange(payload, 0, 12), Arrays.copyOfRange(payload, 12, 13),
            Arrays.copyOfRange(payload, 13, payload.length)};
        cases.add("6.4.1", s -> failFastInFrames(s, framesSplit));
        cases.add("6.4.2", s -> failFastInFrames(s, byteSplit));
        cases.add("6.4.3", s -> failFastInChops(s, payload.length, framesSplit));
        cases.add("6.4.4", s -> failFastInChops(s, payload.length, byteSplit));
    }

    private static void expectFailFast(Scripted s) {
        s.expectOk(ReceivedEvent.timeout("A"));
        s.expectNonStrict(ReceivedEvent.timeout("A"), ReceivedEvent.timeout("B"));
        s.expectedClose = new CaseScript.ExpectedClose(false, List.of(1007), false, true);
    }

    private static void failFastInFrames(Scripted s, byte[][] parts) {
        expectFailFast(s);
        s.p.sendFrame(TEXT, parts[0], false, 0, parts[0].length, 0, false);
        s.p.continueLater(1, () -> {
            if (s.p.state == PeerProtocol.State.OPEN) {
                s.received.add(ReceivedEvent.timeout("A"));
                s.p.sendFrame(0, parts[1], false, 0, parts[1].length, 0, false);
                s.p.continueLater(1, () -> {
                    if (s.p.state == PeerProtocol.State.OPEN) {
                        s.received.add(ReceivedEvent.timeout("B"));
                        s.p.sendFrame(0, parts[2], true, 0, parts[2].length, 0, false);
                        s.p.killAfter(1);
                    }
                });
            }
        });
    }

    private static void failFastInChops(Scripted s, int length, byte[][] parts) {
        expectFailFast(s);
        s.p.beginMessageFrame(false, length);
        s.p.sendMessageFrameData(parts[0]);
        s.p.continueLater(1, () -> {
            if (s.p.state == PeerProtocol.State.OPEN) {
                s.received.add(ReceivedEvent.timeout("A"));
                s.p.sendMessageFrameData(parts[1]);
                s.p.continueLater(1, () -> {
                    if (s.p.state == PeerProtocol.State.OPEN) {
                        s.received.add(ReceivedEvent.timeout("B"));
                        s.p.sendMessageFrameData(parts[2]);
                        s.p.endMessage();
                        s.p.killAfter(1);
                    }
                });
            }
        });
    }

    /** The sequences of {@code createUtf8TestSequences}, group 6.5 first: (valid, hex). */
    static List<List<String[]>> sequenceTable() {
        List<List<String[]>> table = new ArrayList<>();
        table.add(seqs(true, "68656c6c6f24776f726c64", "68656c6c6fc2a2776f726c64", "68656c6c6fe282ac776f726c64",
                "68656c6c6ff0a4ada2776f726c64", KOSME));
        List<String[]> prefixes = new ArrayList<>();
        byte[] kosme = Hex.decode(KOSME);
        for (int i = 1; i <= kosme.length; i++) {
            byte[] prefix = Arrays.copyOf(kosme, i);
            prefixes.add(new String[] {String.valueOf(Utf8Validator.isValid(prefix)), Hex.encode(prefix)});
        }
        table.add(prefixes);
        table.add(seqs(true, "00", "c280", "e0a080", "f0908080"));
        table.add(seqs(false, "f888808080", "fc8480808080"));
        table.add(seqs(true, "7f", "dfbf", "efbfbf", "f48fbfbf"));
        table.add(seqs(false, "f7bfbfbf", "fbbfbfbfbf", "fdbfbfbfbfbf"));
        List<String[]> boundaries = seqs(true, "ed9fbf", "ee8080", "efbfbd", "f48fbfbf");
        boundaries.add(new String[] {"false", "f4908080"});
        table.add(boundaries);
        StringBuilder continuation = new StringBuilder();
        for (int b = 0x80; b < 0xbf; b++) {
            continuation.append(String.format("%02x", b));
        }
        table.add(seqs(false, "80", "bf", "80bf", "80bf80", "80bf80bf", "80bf80bf80", "80bf80bf80bf",
                continuation.toString()));
        int[][] lonely = {{0xc0, 0xdf}, {0xe0, 0xef}, {0xf0, 0xf7}, {0xf8, 0xfb}, {0xfc, 0xfd}};
        List<String[]> starts = new ArrayList<>();
        for (int[] range : lonely) {
            StringBuilder text = new StringBuilder();
            for (int b = range[0]; b < range[1]; b++) {
                text.append(String.format("%02x20", b));
            }
            starts.add(new String[] {"false", text.toString()});
        }
        table.add(starts);
        String[] missing = {"c0", "e080", "f08080", "f8808080", "fc80808080", "df", "efbf", "f7bfbf", "fbbfbfbf",
            "fdbfbfbfbf"};
        table.add(seqs(false, missing));
        table.add(seqs(false, String.join("", missing)));
        table.add(seqs(false, "fe", "ff", "fefeffff"));
        table.add(seqs(false, "c0af", "e080af", "f08080af", "f8808080af", "fc80808080af"));
        table.add(seqs(false, "c1bf", "e09fbf", "f08fbfbf", "f887bfbfbf", "fc83bfbfbfbf"));
        table.add(seqs(false, "c080", "e08080", "f0808080", "f880808080", "fc8080808080"));
        table.add(seqs(false, "eda080", "edadbf", "edae80", "edafbf", "edb080", "edbe80", "edbfbf"));
        table.add(seqs(false, "eda080edb080", "eda080edbfbf", "edadbfedb080", "edadbfedbfbf", "edae80edb080",
                "edae80edbfbf", "edafbfedb080", "edafbfedbfbf"));
        List<String[]> nonCharacters = seqs(true, "efbfbe", "efbfbf");
        for (String z1 : new String[] {"f0", "f1", "f2", "f3", "f4"}) {
            for (String z2 : new String[] {"8f", "9f", "af", "bf"}) {
                if (z1.equals("f4") && !z2.equals("8f")) {
                    continue; // above U+10FFFF
                }
                for (String z3 : new String[] {"be", "bf"}) {
                    String sequence = z1 + z2 + "bf" + z3;
                    if (!sequence.equals("f08fbfbe") && !sequence.equals("f08fbfbf")) {
                        nonCharacters.add(new String[] {"true", sequence});
                    }
                }
            }
        }
        table.add(nonCharacters);
        table.add(seqs(true, "efbfb9", "efbfba", "efbfbb", "efbfbc", "efbfbd", "efbfbe", "efbfbf"));
        return table;
    }

    private static List<String[]> seqs(boolean valid, String... hex) {
        List<String[]> list = new ArrayList<>();
        for (String h : hex) {
            list.add(new String[] {String.valueOf(valid), h});
        }
        return list;
    }
}
