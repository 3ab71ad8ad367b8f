package org.campusmirror.mirror.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionTest {
    @Test
    void idIsTheLowerCaseNameThePageCarries() {
        assertEquals("top_left", Region.TOP_LEFT.id());
        assertEquals("fullscreen_above", Region.FULLSCREEN_ABOVE.id());
    }

    @Test
    void parseTakesIdsAndEnumNamesInAnyCase() {
        assertEquals(Region.BOTTOM_BAR, Region.parse("bottom_bar"));
        assertEquals(Region.BOTTOM_BAR, Region.parse(" BOTTOM_BAR "));
        assertEquals(Region.MIDDLE_CENTER, Region.parse("middle-center"));
    }

    @Test
    void parseRefusesUnknownRegionsNamingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Region.parse("left"));
        assertTrue(e.getMessage().contains("'left'") && e.getMessage().contains("top_left"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Region.parse(null));
    }
}
