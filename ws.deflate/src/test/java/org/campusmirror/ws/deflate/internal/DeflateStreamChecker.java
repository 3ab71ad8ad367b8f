package org.campusmirror.ws.deflate.internal;

import java.util.Arrays;

/**
 * An independent, deliberately simple DEFLATE decoder (after the structure of RFC 1951 section 3.2 and
 * zlib's puff.c) that records what the stream contains: the farthest back-reference, the block types,
 * whether a reference reached into an earlier message. Decoding keeps all history, so it checks streams
 * that use context takeover across messages. It rejects anything invalid, so a test that decodes with
 * it also checks validity.
 */
final class DeflateStreamChecker {
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    /** What one message's stream held. */
    record MessageReport(byte[] data, int maxDistance, int storedBlocks, int fixedBlocks, int dynamicBlocks,
            boolean referencesEarlierMessage, boolean endsWithEmptyStoredBlock) {
    }

    private byte[] historyView = new byte[0];
    private int historyLength;
    private int maxDistanceOverall;

    int maxDistanceOverall() {
        return maxDistanceOverall;
    }

    /** Forgets the history, as a receiver does for a message compressed without context takeover. */
    void forgetHistory() {
        historyView = new byte[0];
        historyLength = 0;
    }

    /**
     * Decodes one message's complete stream (its {@code 00 00 ff ff} tail included). Fails unless the
     * stream consists of whole non-final blocks that use every input byte.
     */
    MessageReport decodeMessage(byte[] stream) {
        BitReader in = new BitReader(stream);
        int messageStart = historyLength;
        int maxDistance = 0;
        int stored = 0;
        int fixed = 0;
        int dynamic = 0;
        boolean earlier = false;
        boolean lastWasEmptyStored = false;
        ensureCapacity(historyLength + 1024);
        while (!in.atEnd()) {
            if (in.bits(1) != 0) {
                throw new IllegalStateException("BFINAL set: a permessage-deflate stream never ends");
            }
            int type = in.bits(2);
            lastWasEmptyStored = false;
            if (type == 0) {
                stored++;
                in.alignToByte();
                int length = in.bits(16);
                int complement = in.bits(16);
                if ((length ^ 0xffff) != complement) {
                    throw new IllegalStateException("stored block LEN/NLEN mismatch");
                }
                for (int i = 0; i < length; i++) {
                    append((byte) in.bits(8));
                }
                lastWasEmptyStored = length == 0;
                continue;
            }
            Huffman literalLength;
            Huffman distance;
            if (type == 1) {
                fixed++;
                literalLength = fixedLiteralLength();
                distance = fixedDistance();
            } else if (type == 2) {
                dynamic++;
                Huffman[] codes = readDynamicCodes(in);
                literalLength = codes[0];
                distance = codes[1];
            } else {
                throw new IllegalStateException("reserved block type 3");
            }
            while (true) {
                int symbol = literalLength.decode(in);
                if (symbol < 256) {
                    append((byte) symbol);
                    continue;
                }
                if (symbol == 256) {
                    break;
                }
                int length = lengthOf(symbol, in);
                int distanceSymbol = distance.decode(in);
                int back = distanceOf(distanceSymbol, in);
                if (back > historyLength) {
                    throw new IllegalStateException("distance " + back + " before the start of the stream");
                }
                maxDistance = Math.max(maxDistance, back);
                if (historyLength - back < messageStart) {
                    earlier = true;
                }
                for (int i = 0; i < length; i++) {
                    append(historyView[historyLength - back]);
                }
            }
        }
        maxDistanceOverall = Math.max(maxDistanceOverall, maxDistance);
        byte[] data = Arrays.copyOfRange(historyView, messageStart, historyLength);
        return new MessageReport(data, maxDistance, stored, fixed, dynamic, earlier, lastWasEmptyStored);
    }

    private void append(byte value) {
        ensureCapacity(historyLength + 1);
        historyView[historyLength++] = value;
    }

    private void ensureCapacity(int needed) {
        if (needed > historyView.length) {
            historyView = Arrays.copyOf(historyView, Math.max(needed, historyView.length * 2));
        }
    }

    private static int lengthOf(int symbol, BitReader in) {
        if (symbol > 285) {
            throw new IllegalStateException("invalid length symbol " + symbol);
        }
        if (symbol == 285) {
            return 258;
        }
        int code = symbol - 257;
        if (code < 8) {
            return code + 3;
        }
        int extra = code / 4 - 1;
        return ((4 + (code & 3)) << extra) + 3 + in.bits(extra);
    }

    private static int distanceOf(int symbol, BitReader in) {
        if (symbol > 29) {
            throw new IllegalStateException("invalid distance symbol " + symbol);
        }
        if (symbol < 4) {
            return symbol + 1;
        }
        int extra = symbol / 2 - 1;
        return ((2 + (symbol & 1)) << extra) + 1 + in.bits(extra);
    }

    private static Huffman[] readDynamicCodes(BitReader in) {
        int literalLengthCount = in.bits(5) + 257;
        int distanceCount = in.bits(5) + 1;
        int codeLengthCount = in.bits(4) + 4;
        if (literalLengthCount > 286 || distanceCount > 30) {
            throw new IllegalStateException("too many codes: " + literalLengthCount + "/" + distanceCount);
        }
        int[] codeLengthLengths = new int[19];
        for (int i = 0; i < codeLengthCount; i++) {
            codeLengthLengths[CODE_LENGTH_ORDER[i]] = in.bits(3);
        }
        Huffman codeLengthCode = new Huffman(codeLengthLengths);
        int[] lengths = new int[literalLengthCount + distanceCount];
        int i = 0;
        while (i < lengths.length) {
            int symbol = codeLengthCode.decode(in);
            if (symbol < 16) {
                lengths[i++] = symbol;
                continue;
            }
            int value = 0;
            int repeat;
            if (symbol == 16) {
                if (i == 0) {
                    throw new IllegalStateException("repeat with no previous length");
                }
                value = lengths[i - 1];
                repeat = 3 + in.bits(2);
            } else if (symbol == 17) {
                repeat = 3 + in.bits(3);
            } else {
                repeat = 11 + in.bits(7);
            }
            if (i + repeat > lengths.length) {
                throw new IllegalStateException("code length repeat runs past the end");
            }
            Arrays.fill(lengths, i, i + repeat, value);
            i += repeat;
        }
        if (lengths[256] == 0) {
            throw new IllegalStateException("no code for end-of-block");
        }
        return new Huffman[] {
            new Huffman(Arrays.copyOfRange(lengths, 0, literalLengthCount)),
            new Huffman(Arrays.copyOfRange(lengths, literalLengthCount, lengths.length))
        };
    }

    private static Huffman fixedLiteralLength() {
        int[] lengths = new int[288];
        for (int s = 0; s < 288; s++) {
            lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
        }
        return new Huffman(lengths);
    }

    private static Huffman fixedDistance() {
        int[] lengths = new int[30];
        Arrays.fill(lengths, 5);
        return new Huffman(lengths);
    }

    /** Canonical Huffman decoding one bit at a time, as puff.c does; rejects over-subscribed codes. */
    private static final class Huffman {
        private final int[] countPerLength = new int[16];
        private final int[] symbols;

        Huffman(int[] lengths) {
            for (int length : lengths) {
                countPerLength[length]++;
            }
            int left = 1;
            for (int bits = 1; bits <= 15; bits++) {
                left = (left << 1) - countPerLength[bits];
                if (left < 0) {
                    throw new IllegalStateException("over-subscribed Huffman code");
                }
            }
            int[] offsets = new int[16];
            for (int bits = 1; bits < 15; bits++) {
                offsets[bits + 1] = offsets[bits] + countPerLength[bits];
            }
            symbols = new int[lengths.length];
            for (int symbol = 0; symbol < lengths.length; symbol++) {
                if (lengths[symbol] != 0) {
                    symbols[offsets[lengths[symbol]]++] = symbol;
                }
            }
        }

        int decode(BitReader in) {
            int code = 0;
            int first = 0;
            int index = 0;
            for (int bits = 1; bits <= 15; bits++) {
                code |= in.bits(1);
                int count = countPerLength[bits];
                if (code - count < first) {
                    return symbols[index + (code - first)];
                }
                index += count;
                first = (first + count) << 1;
                code <<= 1;
            }
            throw new IllegalStateException("code not in the Huffman table");
        }
    }

    /** Reads bits least significant first; running out of input is an error. */
    private static final class BitReader {
        private final byte[] data;
        private int bytePosition;
        private int bitPosition;

        BitReader(byte[] data) {
            this.data = data;
        }

        boolean atEnd() {
            return bytePosition == data.length && bitPosition == 0;
        }

        int bits(int count) {
            int value = 0;
            for (int i = 0; i < count; i++) {
                if (bytePosition >= data.length) {
                    throw new IllegalStateException("stream truncated");
                }
                value |= ((data[bytePosition] >>> bitPosition) & 1) << i;
                if (++bitPosition == 8) {
                    bitPosition = 0;
                    bytePosition++;
                }
            }
            return value;
        }

        void alignToByte() {
            if (bitPosition != 0) {
                bitPosition = 0;
                bytePosition++;
            }
        }
    }
}
