package org.campusmirror.sample.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GreetingTest {
    @Test
    void configuredTextIsShownWithoutSurroundingBlanks() {
        assertEquals("Guten Morgen", Greeting.of("  Guten Morgen ").text());
    }

    @Test
    void blankOrMissingTextFallsBackToTheDefault() {
        assertEquals(Greeting.DEFAULT_TEXT, Greeting.of("   ").text());
        assertEquals(Greeting.DEFAULT_TEXT, Greeting.of(null).text());
    }

    @Test
    void metatypeDefaultIsTheSameDefault() throws NoSuchMethodException {
        Object declared = GreetingServlet.Config.class.getMethod("text").getDefaultValue();
        assertEquals(Greeting.DEFAULT_TEXT, declared);
    }
}
