package org.campusmirror.sample.widget;

/**
 * The greeting a sample widget shows: the configured text, or the default when the configuration leaves it
 * blank (a blank tile would look broken on the mirror).
 *
 * @param text the text to show, never blank
 */
record Greeting(String text) {
    static final String DEFAULT_TEXT = "Hello from the sample widget";

    static Greeting of(String configured) {
        return new Greeting(configured == null || configured.isBlank() ? DEFAULT_TEXT : configured.strip());
    }
}
