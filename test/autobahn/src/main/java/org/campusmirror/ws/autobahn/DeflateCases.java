package org.campusmirror.ws.autobahn;

import java.util.List;
import java.util.function.Function;

/**
 * Cases 12.x and 13.x (permessage-deflate, RFC 7692), after {@code case12_x_x.py}: a thousand
 * messages per case, each a slice of the test data, each sent when the previous echo came back and
 * compared by type, length and SHA-1. Without permessage-deflate negotiated the case is
 * UNIMPLEMENTED.
 */
final class DeflateCases {
    /** (payload length, message count, case timeout, auto-fragment size), as MSG_SIZES. */
    private static final int[][] MESSAGE_SIZES = {
        {16, 1000, 60, 0}, {64, 1000, 60, 0}, {256, 1000, 120, 0}, {1024, 1000, 240, 0}, {4096, 1000, 480, 0},
        {8192, 1000, 480, 0}, {16384, 1000, 480, 0}, {32768, 1000, 480, 0}, {65536, 1000, 480, 0},
        {131072, 1000, 480, 0}, {8192, 1000, 480, 256}, {16384, 1000, 480, 256}, {32768, 1000, 480, 256},
        {65536, 1000, 480, 256}, {131072, 1000, 480, 256}, {131072, 1000, 480, 1024}, {131072, 1000, 480, 4096},
        {131072, 1000, 480, 32768}};
    private static final TestData[] DATA_12 = {TestData.JSON, TestData.BITMAP, TestData.GERMAN_TEXT, TestData.HTML,
        TestData.PDF};

    private DeflateCases() {
    }

    static void addTo(CaseCatalogue.Builder cases) {
        DeflateNegotiation.Setup plain = new DeflateNegotiation.Setup(
                List.of(DeflateNegotiation.Offer.requesting(false, 0)), DeflateCases::accept1);
        for (int j = 0; j < DATA_12.length; j++) {
            addSizes(cases, "12." + (j + 1) + ".", DATA_12[j], plain);
        }
        List<DeflateNegotiation.Setup> setups = List.of(
                plain,
                setup(DeflateCases::accept2, offer(true, 0)),
                setup(offers -> acceptWindow(offers, false, 9), offer(false, 9)),
                setup(offers -> acceptWindow(offers, false, 15), offer(false, 15)),
                setup(offers -> acceptWindow(offers, true, 9), offer(true, 9)),
                setup(offers -> acceptWindow(offers, true, 15), offer(true, 15)),
                setup(DeflateCases::accept7, offer(true, 9), offer(true, 0), offer(false, 0)));
        for (int j = 0; j < setups.size(); j++) {
            addSizes(cases, "13." + (j + 1) + ".", TestData.JSON, setups.get(j));
        }
    }

    private static void addSizes(CaseCatalogue.Builder cases, String prefix, TestData data,
            DeflateNegotiation.Setup setup) {
        for (int i = 0; i < MESSAGE_SIZES.length; i++) {
            int[] size = MESSAGE_SIZES[i];
            cases.add(prefix + (i + 1), () -> new CompressedEchoes(data, setup, size[0], size[1], size[2], size[3]));
        }
    }

    private static DeflateNegotiation.Offer offer(boolean noContextTakeover, int maxWindowBits) {
        return DeflateNegotiation.Offer.requesting(noContextTakeover, maxWindowBits);
    }

    private static DeflateNegotiation.Setup setup(Function<List<DeflateNegotiation.Offer>, DeflateNegotiation.Accept>
            accept, DeflateNegotiation.Offer... offers) {
        return new DeflateNegotiation.Setup(List.of(offers), accept);
    }

    /** accept1: the first offer, nothing requested. */
    static DeflateNegotiation.Accept accept1(List<DeflateNegotiation.Offer> offers) {
        return offers.isEmpty() ? null : new DeflateNegotiation.Accept(offers.get(0), false, 0);
    }

    /** accept2: the first offer allowing it, requesting client_no_context_takeover. */
    static DeflateNegotiation.Accept accept2(List<DeflateNegotiation.Offer> offers) {
        for (DeflateNegotiation.Offer offer : offers) {
            if (offer.acceptNoContextTakeover()) {
                return new DeflateNegotiation.Accept(offer, true, 0);
            }
        }
        return null;
    }

    /** accept3 to accept6: the first offer allowing it, requesting a client window (and maybe no context). */
    static DeflateNegotiation.Accept acceptWindow(List<DeflateNegotiation.Offer> offers, boolean noContext, int bits) {
        for (DeflateNegotiation.Offer offer : offers) {
            if (offer.acceptMaxWindowBits() && (!noContext || offer.acceptNoContextTakeover())) {
                return new DeflateNegotiation.Accept(offer, noContext, bits);
            }
        }
        return null;
    }

    /** accept7: accept5, else accept2, else accept1. */
    static DeflateNegotiation.Accept accept7(List<DeflateNegotiation.Offer> offers) {
        DeflateNegotiation.Accept accept = acceptWindow(offers, true, 9);
        if (accept == null) {
            accept = accept2(offers);
        }
        return accept == null ? accept1(offers) : accept;
    }

    /** One 12.x/13.x case: COUNT echoes of LEN-byte slices of the data. */
    static final class CompressedEchoes extends CaseScript {
        private final TestData data;
        private final DeflateNegotiation.Setup setup;
        private final int length;
        private final int count;
        private final int waitSeconds;
        private final int autoFragmentSize;
        private int pointer;
        private int sent;
        private String expectedSha1;

        CompressedEchoes(TestData data, DeflateNegotiation.Setup setup, int length, int count, int waitSeconds,
                int autoFragmentSize) {
            this.data = data;
            this.setup = setup;
            this.length = length;
            this.count = count;
            this.waitSeconds = waitSeconds;
            this.autoFragmentSize = autoFragmentSize;
        }

        @Override
        DeflateNegotiation.Setup deflateSetup() {
            return setup;
        }

        @Override
        void onOpen() {
            p.autoFragmentSize = autoFragmentSize;
            if (!p.deflateNegotiated()) {
                behavior = UNIMPLEMENTED;
                result = "permessage-deflate was not negotiated";
                p.sendClose(1000);
                return;
            }
            behavior = FAILED;
            result = "Case did not finish within " + waitSeconds + " seconds.";
            p.closeAfter(waitSeconds);
            sendOne();
        }

        private void sendOne() {
            byte[] source = data.bytes();
            byte[] message = new byte[length];
            for (int filled = 0; filled < length; ) {
                int from = (pointer + filled) % source.length;
                int count = Math.min(length - filled, source.length - from);
                System.arraycopy(source, from, message, filled, count);
                filled += count;
            }
            pointer = (pointer + length) % source.length;
            expectedSha1 = ReceivedEvent.sha1(message);
            p.sendMessage(message, data.binary(), 0);
            sent++;
        }

        @Override
        void onMessage(ReceivedEvent message) {
            if (message.binary() != data.binary() || message.length() != length || !message.sha1().equals(expectedSha1)) {
                behavior = FAILED;
                received.add(message);
                if (message.binary() != data.binary()) {
                    result = "Echo'ed message type differs from what I sent (got binary " + message.binary()
                            + ", expected binary " + data.binary() + ").";
                } else if (message.length() != length) {
                    result = "Echo'ed message length differs from what I sent (got length " + message.length()
                            + ", expected length " + length + ").";
                } else {
                    result = "Echo'ed message contents differs from what I sent (got SHA1 " + message.sha1()
                            + ", expected SHA1 " + expectedSha1 + ").";
                }
                result += " Message " + sent + " of " + count + ".";
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
            return count + " compressed echoes of " + length + "-byte slices of " + data.title() + " ("
                    + (data.binary() ? "binary" : "text") + "), then close " + expectedClose;
        }
    }
}
