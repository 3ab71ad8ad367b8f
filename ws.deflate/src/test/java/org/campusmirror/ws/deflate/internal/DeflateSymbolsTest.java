package org.campusmirror.ws.deflate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The length and distance tables of RFC 1951 section 3.2.5, row by row at their edges. */
class DeflateSymbolsTest {

    @ParameterizedTest(name = "length {0} is code {1} with {2} extra bits from {3}")
    @CsvSource({
        "3, 257, 0, 3", "10, 264, 0, 10", "11, 265, 1, 11", "12, 265, 1, 11", "13, 266, 1, 13",
        "18, 268, 1, 17", "19, 269, 2, 19", "22, 269, 2, 19", "35, 273, 3, 35", "67, 277, 4, 67",
        "130, 280, 4, 115", "131, 281, 5, 131", "226, 283, 5, 195", "227, 284, 5, 227",
        "257, 284, 5, 227", "258, 285, 0, 258",
    })
    void lengthCodes(int length, int code, int extraBits, int base) {
        assertEquals(code, DeflateSymbols.lengthCode(length));
        assertEquals(extraBits, DeflateSymbols.lengthExtraBits(code));
        assertEquals(base, DeflateSymbols.lengthBase(code));
    }

    @ParameterizedTest(name = "distance {0} is code {1} with {2} extra bits from {3}")
    @CsvSource({
        "1, 0, 0, 1", "4, 3, 0, 4", "5, 4, 1, 5", "6, 4, 1, 5", "7, 5, 1, 7", "9, 6, 2, 9",
        "256, 15, 6, 193", "257, 16, 7, 257", "512, 17, 7, 385", "513, 18, 8, 513",
        "16384, 27, 12, 12289", "16385, 28, 13, 16385", "24577, 29, 13, 24577", "32768, 29, 13, 24577",
    })
    void distanceCodes(int distance, int code, int extraBits, int base) {
        assertEquals(code, DeflateSymbols.distanceCode(distance));
        assertEquals(extraBits, DeflateSymbols.distanceExtraBits(code));
        assertEquals(base, DeflateSymbols.distanceBase(code));
    }
}
