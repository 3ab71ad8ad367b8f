package org.campusmirror.ws.deflate.internal;

import java.util.Arrays;

/**
 * Builds length-limited Huffman codes for DEFLATE: code lengths from symbol frequencies, then the
 * canonical codes of RFC 1951 section 3.2.2, bit-reversed because DEFLATE sends Huffman codes most
 * significant bit first while everything else goes least significant bit first.
 *
 * <p>One instance holds the scratch arrays for alphabets of up to {@code maxSymbols} symbols, so
 * building a code per block allocates nothing.
 */
final class HuffmanCodeBuilder {
    /** Heap entries are (weight << NODE_BITS) | node, so comparing longs compares weights first. */
    private static final int NODE_BITS = 16;
    private static final long NODE_MASK = (1L << NODE_BITS) - 1;

    private final long[] heap;
    private final int[] parent;
    private final int[] depth;
    private final int[] symbolsByFrequency;
    private final int[] countPerLength = new int[DeflateSymbols.MAX_CODE_BITS + 2];
    private final int[] nextCode = new int[DeflateSymbols.MAX_CODE_BITS + 2];

    HuffmanCodeBuilder(int maxSymbols) {
        if (2 * maxSymbols > NODE_MASK) {
            throw new IllegalArgumentException("alphabet too large: " + maxSymbols);
        }
        heap = new long[maxSymbols];
        parent = new int[2 * maxSymbols];
        depth = new int[2 * maxSymbols];
        symbolsByFrequency = new int[maxSymbols];
    }

    /**
     * Fills {@code lengths[0..symbolCount)} with code lengths of at most {@code maxBits} for the given
     * frequencies. Symbols of frequency 0 get length 0. When fewer than two symbols occur, used ones (or
     * symbols 0 and 1) get length 1, so that the code is complete, as some decoders insist.
     */
    void buildLengths(int[] frequencies, int symbolCount, int maxBits, byte[] lengths) {
        Arrays.fill(lengths, 0, symbolCount, (byte) 0);
        int used = 0;
        for (int symbol = 0; symbol < symbolCount; symbol++) {
            if (frequencies[symbol] > 0) {
                symbolsByFrequency[used++] = symbol;
            }
        }
        if (used < 2) {
            int only = used == 1 ? symbolsByFrequency[0] : 0;
            lengths[only] = 1;
            lengths[only == 0 ? 1 : 0] = 1;
            return;
        }
        computeTreeDepths(frequencies, used);
        limitLengths(frequencies, used, maxBits, lengths);
    }

    /** Writes the bit-reversed canonical code of every symbol with a non-zero length into {@code codes}. */
    void buildCodes(byte[] lengths, int symbolCount, int[] codes) {
        Arrays.fill(countPerLength, 0);
        for (int symbol = 0; symbol < symbolCount; symbol++) {
            countPerLength[lengths[symbol]]++;
        }
        countPerLength[0] = 0;
        int code = 0;
        for (int bits = 1; bits < countPerLength.length; bits++) {
            code = (code + countPerLength[bits - 1]) << 1;
            nextCode[bits] = code;
        }
        for (int symbol = 0; symbol < symbolCount; symbol++) {
            int length = lengths[symbol];
            codes[symbol] = length == 0 ? 0 : Integer.reverse(nextCode[length]++) >>> (32 - length);
        }
    }

    /**
     * Classic Huffman construction with a binary min-heap of (weight, node) pairs packed into longs.
     * Leaves are nodes 0..used-1 (indexes into symbolsByFrequency), inner nodes follow.
     */
    private void computeTreeDepths(int[] frequencies, int used) {
        int heapSize = 0;
        for (int leaf = 0; leaf < used; leaf++) {
            heapSize = push(heapSize, ((long) frequencies[symbolsByFrequency[leaf]] << NODE_BITS) | leaf);
        }
        int nextNode = used;
        while (heapSize > 1) {
            long first = heap[0];
            heapSize = pop(heapSize);
            long second = heap[0];
            heapSize = pop(heapSize);
            int node = nextNode++;
            parent[(int) (first & NODE_MASK)] = node;
            parent[(int) (second & NODE_MASK)] = node;
            long weight = (first >>> NODE_BITS) + (second >>> NODE_BITS);
            heapSize = push(heapSize, (weight << NODE_BITS) | node);
        }
        int root = nextNode - 1;
        depth[root] = 0;
        // Parents always have higher numbers than their children, so one downward sweep suffices.
        for (int node = root - 1; node >= 0; node--) {
            depth[node] = depth[parent[node]] + 1;
        }
    }

    /**
     * Clamps lengths to {@code maxBits} and repairs the Kraft sum by moving leaves down the tree, then
     * hands the shortest lengths to the most frequent symbols.
     */
    private void limitLengths(int[] frequencies, int used, int maxBits, byte[] lengths) {
        Arrays.fill(countPerLength, 0);
        for (int leaf = 0; leaf < used; leaf++) {
            countPerLength[Math.min(depth[leaf], maxBits)]++;
        }
        long kraft = 0;
        for (int bits = 1; bits <= maxBits; bits++) {
            kraft += (long) countPerLength[bits] << (maxBits - bits);
        }
        // Each step removes one leaf at maxBits and splits a shorter leaf into two: the sum drops by one.
        while (kraft > (1L << maxBits)) {
            countPerLength[maxBits]--;
            for (int bits = maxBits - 1; bits > 0; bits--) {
                if (countPerLength[bits] > 0) {
                    countPerLength[bits]--;
                    countPerLength[bits + 1] += 2;
                    break;
                }
            }
            kraft--;
        }
        sortByFrequencyDescending(frequencies, used);
        int leaf = 0;
        for (int bits = 1; bits <= maxBits; bits++) {
            for (int n = countPerLength[bits]; n > 0; n--) {
                lengths[symbolsByFrequency[leaf++]] = (byte) bits;
            }
        }
    }

    /** Insertion sort by (frequency descending, symbol ascending): alphabets are at most 286 symbols. */
    private void sortByFrequencyDescending(int[] frequencies, int used) {
        for (int i = 1; i < used; i++) {
            int symbol = symbolsByFrequency[i];
            int frequency = frequencies[symbol];
            int j = i - 1;
            while (j >= 0 && frequencies[symbolsByFrequency[j]] < frequency) {
                symbolsByFrequency[j + 1] = symbolsByFrequency[j];
                j--;
            }
            symbolsByFrequency[j + 1] = symbol;
        }
    }

    private int push(int size, long entry) {
        int i = size;
        while (i > 0) {
            int up = (i - 1) >>> 1;
            if (heap[up] <= entry) {
                break;
            }
            heap[i] = heap[up];
            i = up;
        }
        heap[i] = entry;
        return size + 1;
    }

    private int pop(int size) {
        int last = size - 1;
        long entry = heap[last];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= entry) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = entry;
        return last;
    }
}
