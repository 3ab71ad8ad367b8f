package org.campusmirror.ws.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloseStatusTest {

    @ParameterizedTest(name = "7.7 code {0} is valid on the wire")
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999})
    void validCodes(int code) {
        assertTrue(CloseStatus.isValidOnWire(code));
    }

    @ParameterizedTest(name = "7.9 code {0} is never on the wire")
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535, -1})
    void invalidCodes(int code) {
        assertFalse(CloseStatus.isValidOnWire(code));
    }
}
