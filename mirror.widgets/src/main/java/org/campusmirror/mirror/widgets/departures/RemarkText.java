package org.campusmirror.mirror.widgets.departures;

import java.util.regex.Pattern;

/**
 * Remark texts as plain text: HAFAS remarks carry links and line breaks as HTML. Tags are dropped and the common
 * entities decoded; the page shows the result with textContent, so nothing here needs to be safe HTML.
 */
final class RemarkText {
    static final int MAX_CHARS = 200;
    private static final Pattern TAG = Pattern.compile("<[^>]{0,500}>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private RemarkText() {
    }

    static String plain(String text) {
        if (text == null) {
            return "";
        }
        String plain = TAG.matcher(text).replaceAll(" ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        plain = SPACE.matcher(plain).replaceAll(" ").strip();
        return plain.length() <= MAX_CHARS ? plain : plain.substring(0, MAX_CHARS - 1) + "…";
    }
}
