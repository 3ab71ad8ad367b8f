package org.campusmirror.ws.deflate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.campusmirror.ws.deflate.internal.WindowedDeflaterConfig.ContextTakeover;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowedDeflaterConfigTest {

    /** RFC 7692 section 7.1.2.1: max_window_bits is 8..15. */
    @ParameterizedTest(name = "windowBits {0}")
    @ValueSource(ints = {-1, 0, 7, 16, 31})
    void windowBitsOutsideEightToFifteenAreRefused(int windowBits) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> WindowedDeflaterConfig.of(windowBits, ContextTakeover.KEEP));

        assertTrue(refused.getMessage().contains("windowBits"), refused.getMessage());
    }

    @Test
    void eightBitsMeanA256ByteWindowNotZlibs512() {
        assertEquals(256, WindowedDeflaterConfig.of(8, ContextTakeover.KEEP).windowSize());
    }

    @Test
    void contextTakeoverIsRequired() {
        assertThrows(IllegalArgumentException.class, () -> WindowedDeflaterConfig.of(9, null));
    }

    @Test
    void zeroChainLengthIsRefused() {
        WindowedDeflaterConfig config = WindowedDeflaterConfig.of(9, ContextTakeover.KEEP);

        assertThrows(IllegalArgumentException.class, () -> config.withMaxChainLength(0));
    }

    @Test
    void tinyBlocksAreRefused() {
        WindowedDeflaterConfig config = WindowedDeflaterConfig.of(9, ContextTakeover.KEEP);

        assertThrows(IllegalArgumentException.class, () -> config.withBlockSymbols(10));
    }
}
